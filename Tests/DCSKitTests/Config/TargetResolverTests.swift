import DCSKit
import Foundation
import Testing

@Suite struct TargetResolverTests {
    private static let ini = "[basic]\nak = INIAK0001\nsk = INISK\nproject_id = ini-project\n"
    private static let clouds = """
        clouds:
          otc:
            region_name: eu-nl
            ak: YAMLAK0001
            sk: 'YAMLSK'
            auth:
              project_id: yaml-project
          pw:
            region_name: eu-de
            auth:
              auth_url: https://iam.eu-de.otc.t-systems.com/v3
              username: "carol"   # comment
              password: "p#ss"
              user_domain_name: OTC-EU-DE-0001
              project_id: pw-project
        """

    private static let allSources: [String: String] = [
        "DCSWATCH_AUTH_TOKEN": "ready-token",
        "HUAWEICLOUD_SDK_AK": "HWAK0001", "HUAWEICLOUD_SDK_SK": "HWSK", "HUAWEICLOUD_SDK_PROJECT_ID": "hw-project",
        "OS_ACCESS_KEY": "OSAK0001", "OS_SECRET_KEY": "OSSK", "OS_PROJECT_ID": "os-project", "OS_REGION_NAME": "eu-de",
        "OS_CLOUD": "otc",
    ]
    private static let files = ["/home/u/.huaweicloud/credentials": ini, "/home/u/.config/openstack/clouds.yaml": clouds]

    private func only(_ target: TargetResolution) throws -> ResolvedTarget {
        try #require(target.targets.count == 1 ? target.targets.first : nil)
    }

    @Test func credentialPrecedenceFollowsTheNotes() throws {
        // Remove the winning source one at a time; the next in line must win.
        var env = Self.allSources
        let steps: [(remove: [String], expected: String)] = [
            ([], "ready-token"),
            (["DCSWATCH_AUTH_TOKEN"], "HWAK0001"),
            (["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"], "OSAK0001"),
            (["OS_ACCESS_KEY", "OS_SECRET_KEY"], "INIAK0001"),
        ]
        for step in steps {
            for key in step.remove { env[key] = nil }
            let target = try only(ConfigTestKit.resolver(env: env, files: Self.files).resolve(config: DCSWatchConfig()))
            switch target.auth {
            case .token(let token): #expect(token == step.expected)
            case .signing(let credentials): #expect(credentials.accessKey == step.expected)
            case .password: Issue.record("unexpected password auth")
            }
        }
        let yamlOnly = try only(
            ConfigTestKit.resolver(env: ["OS_CLOUD": "otc"], files: ["/home/u/.config/openstack/clouds.yaml": Self.clouds])
                .resolve(config: DCSWatchConfig()))
        #expect(yamlOnly.auth == .signing(SigningCredentials(accessKey: "YAMLAK0001", secretKey: "YAMLSK")))
        #expect(yamlOnly.projectID == "yaml-project")
        #expect(yamlOnly.endpoint.absoluteString == "https://dcs.eu-nl.otc.t-systems.com")
    }

    @Test func flagsAndConfigOutrankTheEnvironment() throws {
        let config = DCSWatchConfig(targets: [
            TargetConfig(
                name: "prod", region: "ap-southeast-1", projectID: "cfg-project", accessKey: "CFGAK0001", secretKey: "CFGSK")
        ])
        let resolver = ConfigTestKit.resolver(env: Self.allSources, files: Self.files)
        let fromConfig = try only(resolver.resolve(config: config))
        #expect(fromConfig.auth == .signing(SigningCredentials(accessKey: "CFGAK0001", secretKey: "CFGSK")))
        #expect(fromConfig.projectID == "cfg-project")
        #expect(fromConfig.endpoint.absoluteString == "https://dcs.ap-southeast-1.myhuaweicloud.com")
        #expect(fromConfig.name == "prod")

        let overrides = TargetOverrides(
            endpoint: URL(string: "http://127.0.0.1:9000"), projectID: "flag-project", accessKey: "FLAGAK01", secretKey: "FLAGSK")
        let fromFlags = try only(resolver.resolve(config: config, overrides: overrides))
        #expect(fromFlags.auth == .signing(SigningCredentials(accessKey: "FLAGAK01", secretKey: "FLAGSK")))
        #expect(fromFlags.projectID == "flag-project")
        #expect(fromFlags.endpoint.absoluteString == "http://127.0.0.1:9000")
        #expect(fromFlags.credentialSource == "flags")
    }

    @Test func securityTokenFlagAppliesToKeysFromTheEnvironment() throws {
        let env = [
            "HUAWEICLOUD_SDK_AK": "A", "HUAWEICLOUD_SDK_SK": "S", "HUAWEICLOUD_SDK_SECURITY_TOKEN": "env-token",
            "HUAWEICLOUD_SDK_PROJECT_ID": "p",
        ]
        let config = DCSWatchConfig(targets: [TargetConfig(name: "t", region: "eu-de")])
        let plain = try only(ConfigTestKit.resolver(env: env).resolve(config: config))
        #expect(plain.auth == .signing(SigningCredentials(accessKey: "A", secretKey: "S", securityToken: "env-token")))
        let flagged = try only(
            ConfigTestKit.resolver(env: env).resolve(config: config, overrides: TargetOverrides(securityToken: "flag-token")))
        #expect(flagged.auth == .signing(SigningCredentials(accessKey: "A", secretKey: "S", securityToken: "flag-token")))
    }

    @Test func projectIDFallsBackThroughTheSources() throws {
        let env = [
            "HUAWEICLOUD_SDK_AK": "A", "HUAWEICLOUD_SDK_SK": "S", "OS_PROJECT_ID": "os-project", "OS_REGION_NAME": "eu-de",
        ]
        let target = try only(ConfigTestKit.resolver(env: env, files: Self.files).resolve(config: DCSWatchConfig()))
        #expect(target.projectID == "os-project")
        #expect(target.endpoint.absoluteString == "https://dcs.eu-de.otc.t-systems.com")
        var noOS = env
        noOS["OS_PROJECT_ID"] = nil
        #expect(
            try only(ConfigTestKit.resolver(env: noOS, files: Self.files).resolve(config: DCSWatchConfig())).projectID
                == "ini-project")
    }

    @Test func cloudsYAMLPasswordIdentityGivesIAMAuth() throws {
        let target = try only(
            ConfigTestKit.resolver(env: ["OS_CLOUD": "pw"], files: ["/work/clouds.yaml": Self.clouds]).resolve(
                config: DCSWatchConfig()))
        #expect(target.auth == .password(PasswordIdentity(userName: "carol", password: "p#ss", domainName: "OTC-EU-DE-0001")))
        #expect(target.iamEndpoint?.absoluteString == "https://iam.eu-de.otc.t-systems.com/v3")
        #expect(target.projectID == "pw-project")
    }

    @Test func configPasswordAndSecretFromEnvironmentVariables() throws {
        let config = DCSWatchConfig(targets: [
            TargetConfig(name: "a", index: 0, region: "eu-de", projectID: "p", accessKey: "AK", secretKeyEnv: "A_SK"),
            TargetConfig(name: "b", index: 1, region: "cn-north-4", projectID: "q", iamUser: "bob", iamPasswordEnv: "B_PW"),
        ])
        let resolution = try ConfigTestKit.resolver(env: ["A_SK": "from-env", "B_PW": "pw"]).resolve(config: config)
        #expect(resolution.targets.map(\.name) == ["a", "b"])
        #expect(resolution.targets[0].auth == .signing(SigningCredentials(accessKey: "AK", secretKey: "from-env")))
        #expect(resolution.targets[1].auth == .password(PasswordIdentity(userName: "bob", password: "pw", domainName: "bob")))
        #expect(resolution.targets[1].iamEndpoint?.absoluteString == "https://iam.cn-north-4.myhuaweicloud.com/v3")
        let selected = try ConfigTestKit.resolver(env: ["A_SK": "x", "B_PW": "y"]).resolve(
            config: config, overrides: TargetOverrides(targetNames: ["b"]))
        #expect(selected.targets.map(\.name) == ["b"])
    }

    @Test func everyResolutionErrorSaysWhatToDo() {
        let two = DCSWatchConfig(
            path: "/c.json",
            targets: [
                TargetConfig(name: "a", index: 0, region: "eu-de", projectID: "p", accessKey: "AK", secretKeyEnv: "NOPE"),
                TargetConfig(name: "b", index: 1, region: "eu-de", projectID: "p"),
            ])
        let env = ["HUAWEICLOUD_SDK_AK": "A", "HUAWEICLOUD_SDK_SK": "S"]
        let cases: [(String?, String)] = [
            (
                ConfigTestKit.message { _ = try ConfigTestKit.resolver().resolve(config: DCSWatchConfig()) },
                #"no credentials for target "default" — set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK"#
            ),
            (
                ConfigTestKit.message { _ = try ConfigTestKit.resolver(env: env).resolve(config: DCSWatchConfig()) },
                #"no project id for target "default" — set project_id in the config, --project-id, or HUAWEICLOUD_SDK_PROJECT_ID"#
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(env: env.merging(["HUAWEICLOUD_SDK_PROJECT_ID": "p"]) { $1 }).resolve(
                        config: DCSWatchConfig())
                }, #"no endpoint for target "default" — set region"#
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(env: ["HUAWEICLOUD_SDK_AK": "A"]).resolve(config: DCSWatchConfig())
                },
                "the environment sets HUAWEICLOUD_SDK_AK but not HUAWEICLOUD_SDK_SK — set both, or neither"
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(env: ["OS_SECRET_KEY": "S"]).resolve(config: DCSWatchConfig())
                },
                "the environment sets OS_SECRET_KEY but not OS_ACCESS_KEY"
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(files: ["/home/u/.huaweicloud/credentials": "[basic]\nak=X\n"]).resolve(
                        config: DCSWatchConfig())
                }, "/home/u/.huaweicloud/credentials sets [basic] ak but not [basic] sk"
            ),
            (
                ConfigTestKit.message { _ = try ConfigTestKit.resolver(env: env).resolve(config: two) },
                #"config file "/c.json": targets[0].secret_key_env names the environment variable NOPE, which is not set — export NOPE"#
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(env: env).resolve(config: two, overrides: TargetOverrides(targetNames: ["zz"]))
                }, #"no target named "zz" (known: "a", "b") — check --target"#
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(env: env).resolve(
                        config: two, overrides: TargetOverrides(endpoint: URL(string: "http://x")))
                }, "--endpoint overrides one target but 2 are selected — add --target NAME"
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(env: ["OS_CLOUD": "missing"]).resolve(config: DCSWatchConfig())
                }, #"OS_CLOUD="missing" but no clouds.yaml defines it (searched /work/clouds.yaml"#
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(env: ["HUAWEICLOUD_SDK_CREDENTIALS_FILE": "/x/creds"]).resolve(
                        config: DCSWatchConfig())
                },
                #"credentials file "/x/creds" (from HUAWEICLOUD_SDK_CREDENTIALS_FILE) does not exist or cannot be read — fix the path"#
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(env: ["OS_USERNAME": "u"]).resolve(config: DCSWatchConfig())
                }, "the environment sets OS_USERNAME but not OS_PASSWORD"
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(env: env.merging(["HUAWEICLOUD_SDK_PROJECT_ID": "p"]) { $1 })
                        .resolve(config: DCSWatchConfig(), overrides: TargetOverrides(region: "EU_DE"))
                }, #"region "EU_DE" (from --region) is not a region id"#
            ),
            (
                ConfigTestKit.message {
                    _ = try ConfigTestKit.resolver(
                        env: env.merging(["HUAWEICLOUD_SDK_PROJECT_ID": "p", "OS_REGION_NAME": "x/y"]) { $1 }
                    )
                    .resolve(config: DCSWatchConfig())
                }, #"region "x/y" (from OS_*) is not a region id"#
            ),
        ]
        for (message, expected) in cases {
            #expect(message?.contains(expected) == true, "got: \(message ?? "no error"), wanted: \(expected)")
        }
    }

    @Test func secretsNeverAppearInMessagesOrWarnings() throws {
        let config = DCSWatchConfig(targets: [
            TargetConfig(name: "a", endpoint: URL(string: "http://dcs.example.com"), projectID: "p")
        ])
        let resolution = try ConfigTestKit.resolver(env: ["DCSWATCH_AUTH_TOKEN": "TOKEN-SECRET-VALUE"]).resolve(config: config)
        #expect(resolution.warnings == ["target a: the token goes over plain HTTP to dcs.example.com — use https"])
        let message = ConfigTestKit.message {
            _ = try ConfigTestKit.resolver(env: ["HUAWEICLOUD_SDK_SK": "SK-SECRET-VALUE"]).resolve(config: DCSWatchConfig())
        }
        #expect(message != nil && message?.contains("SK-SECRET-VALUE") == false)
    }

    @Test func readableCredentialsFileWarns() throws {
        let resolution = try ConfigTestKit.resolver(
            env: ["HUAWEICLOUD_SDK_PROJECT_ID": "p", "OS_REGION_NAME": "eu-de"],
            files: ["/home/u/.huaweicloud/credentials": Self.ini], modes: ["/home/u/.huaweicloud/credentials": 0o640]
        ).resolve(config: DCSWatchConfig())
        #expect(resolution.warnings.count == 1)
        #expect(resolution.warnings.first?.contains("chmod 600 /home/u/.huaweicloud/credentials") == true)
    }

    @Test func debugSignFindsSigningCredentialsWithoutAnEndpoint() throws {
        let resolver = ConfigTestKit.resolver(env: [
            "DCSWATCH_AUTH_TOKEN": "t", "HUAWEICLOUD_SDK_AK": "HWAK", "HUAWEICLOUD_SDK_SK": "S",
            "HUAWEICLOUD_SDK_PROJECT_ID": "pp",
        ])
        let found = try resolver.signingCredentials(config: DCSWatchConfig(), overrides: TargetOverrides())
        #expect(found.credentials.accessKey == "HWAK")
        #expect(found.projectID == "pp")
        #expect(found.source == "HUAWEICLOUD_SDK_*")
    }
}
