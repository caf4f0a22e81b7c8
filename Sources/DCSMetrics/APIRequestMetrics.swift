import DCSKit
import Prometheus

/// Counts and times the clients' request attempts (`dcswatch_api_requests_total{target, call, code}`,
/// `dcswatch_api_request_duration_seconds{target, call}`), as the observer the clients are given.
package final class APIRequestMetrics: APIRequestObserver {
    /// Bucket bounds: a loopback answer is milliseconds, a cloud one tens to hundreds, a retry-worthy
    /// stall up to the 30-s request timeout.
    package static let buckets: [Duration] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30].map {
        Duration.milliseconds(Int64($0 * 1000))
    }

    private let registry: PrometheusCollectorRegistry

    /// Reports into `registry`.
    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Counts the attempt and records its duration. The registry hands back the series already made
    /// for these labels, so a request costs two look-ups under its lock.
    package func requestCompleted(_ record: APIRequestRecord) {
        let target = TaskSeries.label("target", record.target)
        let call = MetricSample.Label("call", record.call.rawValue)
        let code = TaskSeries.label("code", record.code)
        registry.makeCounter(
            descriptor: MetricFamily.apiRequests.descriptor,
            labels: [(target.name, target.value), (call.name, call.value), (code.name, code.value)]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricFamily.apiRequestDuration.descriptor,
            labels: [(target.name, target.value), (call.name, call.value)], buckets: Self.buckets
        ).record(record.duration)
    }
}
