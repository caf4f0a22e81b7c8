import Foundation

/// The contents of dcswatch's JSON config file (see `config.example.json`): the targets to watch and
/// the refresh and paging settings. Other top-level keys are named in `otherKeys`.
public struct DCSWatchConfig: Sendable, Hashable {
    /// The file this was read from; nil when no file exists (all from flags and environment).
    public var path: String?
    /// The configured targets, in file order.
    public var targets: [TargetConfig]
    /// `refresh_interval_seconds`; nil when not set.
    public var refreshIntervalSeconds: Double?
    /// `page_size` (1–1000); nil when not set.
    public var pageSize: Int?
    /// `stats_interval_seconds`: seconds between two `/stats` calls of one running task; nil when not set.
    public var statsIntervalSeconds: Double?
    /// `notifications`: `off`, `bell` or `on` (bell and desktop escape); nil when not set.
    public var notifications: NotificationMode?
    /// `notify_on`: the status categories whose entry notifies; nil when not set.
    public var notifyOn: Set<StatusCategory>?
    /// `notify_on`: the sync changes (`in_sync`, `fell_behind`, `restarted`) that notify; nil when
    /// `notify_on` is not set.
    public var notifyOnSync: Set<SyncChange>?
    /// `sync_lag_threshold`: the highest `offset` that counts as caught up; nil when not set.
    public var syncLagThreshold: Double?
    /// `sync_polls`: consecutive stats answers at or below the threshold before "in sync"; nil when not set.
    public var syncPolls: Int?
    /// `notification_escape`: `osc9` or `osc777`; nil when not set.
    public var notificationEscape: DesktopEscape?
    /// `detail_pane`: false starts the dashboard with the detail pane hidden; nil when not set.
    public var detailPane: Bool?
    /// `allow_write`: true lets the write commands and the dashboard's actions send (like `--write`).
    public var allowWrite = false
    /// Every other top-level key (not starting with `_`), sorted: accepted and ignored (a newer
    /// dcswatch's settings must not stop an older one), unlike a target's unknown keys, which warn.
    public var otherKeys: [String]
    /// Things the user should know but that do not stop us (unknown keys, a secret in a readable file).
    public var warnings: [String]

    /// Builds a config.
    public init(
        path: String? = nil, targets: [TargetConfig] = [], refreshIntervalSeconds: Double? = nil, pageSize: Int? = nil,
        otherKeys: [String] = [], warnings: [String] = []
    ) {
        self.path = path
        self.targets = targets
        self.refreshIntervalSeconds = refreshIntervalSeconds
        self.pageSize = pageSize
        self.otherKeys = otherKeys
        self.warnings = warnings
    }
}

/// One entry of the config's `targets` array, as written (nothing resolved yet).
public struct TargetConfig: Sendable, Hashable {
    /// `name`: unique, used by `--target NAME` and shown in every row.
    public var name: String
    /// `region`, e.g. `eu-de` or `ap-southeast-1`; gives the endpoint unless `endpoint` is set.
    public var region: String?
    /// `endpoint`: the DCS API base URL, overriding the region's.
    public var endpoint: URL?
    /// `project_id`.
    public var projectID: String?
    /// `iam_endpoint`, for IAM password auth.
    public var iamEndpoint: URL?
    /// `access_key`.
    public var accessKey: String?
    /// `secret_key`, written in the file (prefer `secret_key_env`).
    public var secretKey: String?
    /// `secret_key_env`: the name of an environment variable holding the secret key.
    public var secretKeyEnv: String?
    /// `security_token` for temporary AK/SK.
    public var securityToken: String?
    /// `iam_user`.
    public var iamUser: String?
    /// `iam_password` (prefer `iam_password_env`).
    public var iamPassword: String?
    /// `iam_password_env`: the name of an environment variable holding the IAM password.
    public var iamPasswordEnv: String?
    /// `iam_domain`: the account name; defaults to `iam_user`.
    public var iamDomain: String?
    /// `read_only`: true refuses every write to this target, whatever `--write` or `allow_write` say.
    public var readOnly = false
    /// Position in the file's `targets` array, for messages (`targets[2].project_id`).
    public var index: Int

    /// Builds a target entry.
    public init(
        name: String, index: Int = 0, region: String? = nil, endpoint: URL? = nil, projectID: String? = nil,
        iamEndpoint: URL? = nil, accessKey: String? = nil, secretKey: String? = nil, secretKeyEnv: String? = nil,
        securityToken: String? = nil, iamUser: String? = nil, iamPassword: String? = nil,
        iamPasswordEnv: String? = nil, iamDomain: String? = nil
    ) {
        self.name = name
        self.index = index
        self.region = region
        self.endpoint = endpoint
        self.projectID = projectID
        self.iamEndpoint = iamEndpoint
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.secretKeyEnv = secretKeyEnv
        self.securityToken = securityToken
        self.iamUser = iamUser
        self.iamPassword = iamPassword
        self.iamPasswordEnv = iamPasswordEnv
        self.iamDomain = iamDomain
    }

    /// True when the file itself holds a secret (not just the name of a variable).
    public var holdsSecret: Bool {
        [secretKey, securityToken, iamPassword].contains { !($0 ?? "").isEmpty }
    }
}
