import DCSKit
import Foundation
import Testing

@Suite struct ConfigLoaderTests {
    private let home = ConfigTestKit.home

    @Test func fileLocationPrecedence() {
        let all = ConfigTestKit.loader(env: ["DCSWATCH_CONFIG": "/env.json", "XDG_CONFIG_HOME": "/xdg"])
        #expect(all.location(configPath: "/flag.json").path == "/flag.json")
        #expect(all.location(configPath: nil).path == "/env.json")
        #expect(
            ConfigTestKit.loader(env: ["XDG_CONFIG_HOME": "/xdg"]).location(configPath: nil).path == "/xdg/dcswatch/config.json")
        #expect(ConfigTestKit.loader().location(configPath: nil).path == "\(home)/.config/dcswatch/config.json")
        #expect(ConfigTestKit.loader().location(configPath: "~/c.json").path == "\(home)/c.json")
    }

    @Test func defaultFileMayBeAbsentButANamedOneMustExist() throws {
        #expect(try ConfigTestKit.loader().load(configPath: nil) == DCSWatchConfig())
        let flag = ConfigTestKit.message { _ = try ConfigTestKit.loader().load(configPath: "/nope.json") }
        #expect(
            flag
                == #"config file "/nope.json" (from --config) does not exist or cannot be read — check the path, or copy config.example.json there"#
        )
        let env = ConfigTestKit.message {
            _ = try ConfigTestKit.loader(env: ["DCSWATCH_CONFIG": "/e.json"]).load(configPath: nil)
        }
        #expect(env?.contains("(from DCSWATCH_CONFIG)") == true)
    }

    @Test func fullConfigIsRead() throws {
        let text = """
            {"_comment": "hi", "refresh_interval_seconds": 15, "page_size": 500, "dashboard_theme": "dark",
             "targets": [
               {"name": "prod", "region": "eu-de", "project_id": "p1", "access_key": "AK1", "secret_key_env": "PROD_SK",
                "_note": "x"},
               {"name": "lab", "endpoint": "http://127.0.0.1:8080", "project_id": "p2", "iam_user": "bob",
                "iam_password_env": "LAB_PW", "iam_domain": "acme", "iam_endpoint": "https://iam.example.com/v3"}
             ]}
            """
        let config = try ConfigTestKit.loader(files: ["/c.json": text]).load(configPath: "/c.json")
        #expect(config.path == "/c.json")
        #expect(config.refreshIntervalSeconds == 15 && config.pageSize == 500)
        #expect(config.otherKeys == ["dashboard_theme"])
        #expect(config.targets.map(\.name) == ["prod", "lab"])
        #expect(config.targets[0].secretKeyEnv == "PROD_SK" && config.targets[0].region == "eu-de")
        #expect(config.targets[1].endpoint?.absoluteString == "http://127.0.0.1:8080")
        #expect(config.targets[1].iamUser == "bob" && config.targets[1].index == 1)
        #expect(config.warnings.isEmpty)
    }

    @Test(arguments: [
        ("{", "is not valid JSON"),
        ("[]", "the top level must be an object"),
        (#"{"refresh_interval_seconds": "ten"}"#, "refresh_interval_seconds must be a number of seconds"),
        (#"{"refresh_interval_seconds": 0}"#, "refresh_interval_seconds is invalid — use 1 to 86400 seconds"),
        (#"{"page_size": 5000}"#, "page_size is invalid — the API allows 1 to 1000"),
        (#"{"page_size": "100"}"#, "page_size must be a whole number"),
        (#"{"targets": {}}"#, "targets must be an array of target objects"),
        (#"{"targets": [3]}"#, "targets[0] must be an object"),
        (#"{"targets": [{"region": "eu-de"}]}"#, "targets[0].name is invalid — give every target a name"),
        (#"{"targets": [{"name": "a", "region": "EU DE"}]}"#, "targets[0].region is invalid"),
        (#"{"targets": [{"name": "a", "endpoint": "ftp://x"}]}"#, "targets[0].endpoint is invalid — use a full URL"),
        (#"{"targets": [{"name": "a", "project_id": 7}]}"#, "targets[0].project_id must be a string"),
        (#"{"targets": [{"name": "a"}, {"name": "a"}]}"#, #"two targets are named "a""#),
    ])
    func everyConfigErrorNamesFileKeyAndFix(text: String, expected: String) {
        let message = ConfigTestKit.message { _ = try ConfigTestKit.loader(files: ["/c.json": text]).load(configPath: "/c.json") }
        #expect(message?.contains(#"config file "/c.json""#) == true)
        #expect(message?.contains(expected) == true, "\(message ?? "no error")")
    }

    @Test func unknownTargetKeysWarn() throws {
        let config = try ConfigTestKit.loader(files: ["/c.json": #"{"targets":[{"name":"a","acces_key":"x"}]}"#]).load(
            configPath: "/c.json")
        #expect(config.warnings == ["config file /c.json: targets[0].acces_key is not a known key and is ignored (typo?)"])
    }

    @Test func readableFileWithASecretWarns() throws {
        let secret = #"{"targets":[{"name":"a","access_key":"AK","secret_key":"SK-VALUE"}]}"#
        let byReference = #"{"targets":[{"name":"a","access_key":"AK","secret_key_env":"X"}]}"#
        let open = try ConfigTestKit.loader(files: ["/c.json": secret], modes: ["/c.json": 0o644]).load(configPath: "/c.json")
        #expect(open.warnings == ["config file /c.json holds a secret and is readable by other users — run: chmod 600 /c.json"])
        let closed = try ConfigTestKit.loader(files: ["/c.json": secret], modes: ["/c.json": 0o600]).load(configPath: "/c.json")
        #expect(closed.warnings.isEmpty)
        let reference = try ConfigTestKit.loader(files: ["/c.json": byReference], modes: ["/c.json": 0o644]).load(
            configPath: "/c.json")
        #expect(reference.warnings.isEmpty)
    }
}

@Suite struct ConfigExampleTests {
    @Test func exampleFileIsValidAndFullyKnown() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("config.example.json"))
        let config = try ConfigLoader.parse(data, path: "config.example.json")
        #expect(config.warnings.isEmpty)
        #expect(config.otherKeys.isEmpty)
        #expect(config.targets.map(\.name) == ["prod-eu-de", "staging-ap", "local-simulator"])
        let resolution = try TargetResolver(
            loader: ConfigTestKit.loader(env: [
                "PROD_EU_DE_SK": "x", "STAGING_IAM_PASSWORD": "y", "HUAWEICLOUD_SDK_AK": "a", "HUAWEICLOUD_SDK_SK": "b",
            ]),
            currentDirectory: "/work"
        ).resolve(config: config)
        #expect(
            resolution.targets.map(\.endpoint.absoluteString) == [
                "https://dcs.eu-de.otc.t-systems.com", "https://dcs.ap-southeast-1.myhuaweicloud.com", "http://127.0.0.1:8080",
            ])
    }
}
