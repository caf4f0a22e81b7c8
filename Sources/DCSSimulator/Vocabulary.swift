/// Word lists that make simulated tasks look like a real project's: mixed scripts, environments,
/// spec codes and the error messages DCS really reports.
enum Vocabulary {
    static let words = [
        "orders", "session", "cart", "leaderboard", "ratelimit", "feature-flags", "pubsub", "geo-index",
        "inventory", "payments", "catalog", "search-cache", "user-profile", "billing", "notify",
    ]
    /// A Latin task name from a word, an environment and a number, in one of the shapes teams use.
    static func taskName(_ random: inout SeededGenerator, environment: String, number: Int) -> String {
        let word = random.pick(words)
        switch random.next() % 5 {
        case 0: return "dcs-migration-\(word)-\(environment)-\(number)"
        case 1: return "\(word)-to-cluster-\(number)"
        case 2: return "mig-\(word)-\(environment)"
        case 3: return "\(environment)-\(word)-redis6-\(number)"
        default: return "\(word)-\(environment)-wave\(number % 7 + 1)"
        }
    }
    static let internationalNames = [
        "订单缓存迁移", "会话存储迁移", "库存缓存-上海", "セッション移行", "ランキング移行", "장바구니-캐시-이전",
        "migração-sessões", "Zürich-Warenkorb", "caché-pedidos-España", "crème-brûlée-cache", "Ørestad-køer",
        "Łódź-koszyk", "çerezler-göç",
    ]
    static let descriptions = [
        "Redis 4 → 6 upgrade, wave 3", "move to cluster edition", "consolidate staging caches", "",
        "迁移到新的集群实例", "requested by the payments team", "rehearsal before the cut-over weekend",
    ]
    static let specCodes = [
        "redis.single.xu1.tiny.128", "redis.ha.xu1.large.r2.2", "redis.ha.xu1.large.r2.8",
        "redis.cluster.xu1.large.r2.4", "redis.cluster.xu1.large.r2.24", "redis.ha.xu1.large.p2.4",
    ]
    static let onlineErrors = [
        "source redis auth failed", "target instance memory insufficient",
        "source redis connection timeout", "the source Redis does not support the PSYNC command",
        "target instance is being modified, try again later",
        "network between the migration ECS and the source Redis is unreachable",
    ]
    static let importErrors = [
        "backup file parse error: unsupported RDB version", "target instance memory insufficient",
        "OBS bucket access denied", "backup file not found in the bucket",
    ]

    /// A private address as text: 10.x.y.z or 192.168.y.z, with `:6379` unless `port` is false.
    static func address(_ random: inout SeededGenerator, port: Bool = true) -> String {
        let host =
            random.unit() < 0.5
            ? "10.\(random.next() % 256).\(random.next() % 256).\(2 + random.next() % 250)"
            : "192.168.\(random.next() % 256).\(2 + random.next() % 250)"
        return port ? host + ":6379" : host
    }

    /// A password of the shape users pick for DCS (upper, lower, digit, special).
    static func password(_ random: inout SeededGenerator) -> String {
        "Rd\(random.pick(["#", "!", "@", "%"]))\(random.hex(10))X9"
    }
}
