import DCSKit
import Foundation

extension SimulatorRouter {
    /// Fake IAM `POST /v3/auth/tokens`: a password identity (user, password, domain name) scoped to a
    /// project (by id, or by name — any name maps to the configured project). 201 with the token in
    /// `X-Subject-Token` and `token.expires_at` in the body; 401 with IAM's error shape otherwise.
    func issueToken(_ request: HTTPRequest, now: Date) -> HTTPResponse {
        guard let body = try? JSONValue.parse(request.body) else {
            return iamError(400, "The request body is not valid JSON.")
        }
        let identity = body["auth"]["identity"]
        let user = identity["password"]["user"]
        let methods = identity["methods"].arrayValue?.compactMap(\.lenientString) ?? []
        guard methods.contains("password") else {
            return iamError(400, "Only the password identity method is offered by the simulator.")
        }
        guard user["name"].lenientString == configuration.iamUser,
            user["password"].lenientString == configuration.iamPassword,
            user["domain"]["name"].lenientString == configuration.iamDomain
        else {
            return iamError(401, "The username or password is wrong.")
        }
        let scope = body["auth"]["scope"]["project"]
        guard
            let projectID = scope["id"].lenientString
                ?? (scope["name"].lenientString.map { _ in configuration.projectID })
        else {
            return iamError(400, "A project scope (auth.scope.project.id or .name) is required.")
        }
        var generator = SeededGenerator(
            seed: configuration.seed, stream: 0x70CE_0000, salt: UInt64(now.timeIntervalSince1970 * 1000))
        let token = "MIIsim" + generator.hex(48) + "-" + generator.hex(16)
        let expires = now.addingTimeInterval(configuration.tokenLifetime)
        remember(token: token, IssuedToken(projectID: projectID, expiresAt: expires))
        let domain: JSONValue = .object([
            "name": .string(configuration.iamDomain), "id": .string("d0000000000000000000000000000001"),
        ])
        let document: JSONValue = .object([
            "token": .object([
                "expires_at": .string(SimulatorTime.iamTimestamp(expires)),
                "issued_at": .string(SimulatorTime.iamTimestamp(now)),
                "methods": .array([.string("password")]),
                "project": .object([
                    "id": .string(projectID), "name": .string(scope["name"].lenientString ?? "sim-region-1"),
                    "domain": domain,
                ]),
                "user": .object([
                    "name": .string(configuration.iamUser), "id": .string("u0000000000000000000000000000001"),
                    "domain": domain,
                ]),
                "roles": .array([
                    .object(["name": .string("dcs_user"), "id": .string("r0000000000000000000000000000001")])
                ]),
                "catalog": .array([]),
            ])
        ])
        return SimulatorResponses.json(document, status: 201, headers: [("X-Subject-Token", token)])
    }

    private func iamError(_ status: Int, _ message: String) -> HTTPResponse {
        let titles = [400: "Bad Request", 401: "Unauthorized"]
        return SimulatorResponses.json(
            .object([
                "error": .object([
                    "code": .int(Int64(status)), "message": .string(message),
                    "title": .string(titles[status] ?? "Error"),
                ])
            ]),
            status: status)
    }
}
