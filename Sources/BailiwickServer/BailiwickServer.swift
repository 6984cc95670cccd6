import Bailiwick
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// `bailiwick serve`: the checker as a local web app, on the same engine as the command line.
public enum BailiwickServer {
    /// The routes: the JSON API, the OpenAPI document, the pages and their assets, and with a
    /// caseload (`serve --caseload`) the supervisor's desk.
    public static func router(
        packs: PackSet, configuration: ServerConfiguration, journal: ServerJournal? = nil,
        caseload: CaseloadDesk? = nil
    ) -> AppRouter {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(
            middleware: AccessControl(
                token: configuration.token, loopbackOnly: configuration.isLoopback,
                trustProxy: configuration.trustProxy))
        let service = Service(packs: packs, configuration: configuration, journal: journal)
        var routes = Routes(router: router)
        API(service: service).register(on: &routes)
        Pages(service: service).register(on: &routes)
        if let caseload { CaseloadRoutes(desk: caseload, service: service).register(on: &routes) }
        return AppRouter(router: router, table: routes.table)
    }

    /// The application, listening where the configuration says. `onStart` receives the address
    /// actually bound (with port 0, the system picks a free port).
    public static func application(
        packs: PackSet, configuration: ServerConfiguration, journal: ServerJournal? = nil,
        caseload: CaseloadDesk? = nil, onStart: @escaping @Sendable (String) async -> Void = { _ in }
    ) throws(ConfigurationError) -> some ApplicationProtocol {
        try configuration.validate()
        // Request details (which may carry matter data) are never logged: ServerLog writes warnings and worse.
        let logger = Logger(label: "bailiwick", factory: { ServerLog(label: $0) })
        return Application(
            router: router(packs: packs, configuration: configuration, journal: journal, caseload: caseload),
            server: HTTPServerBuilder { responder in
                TimedHTTP1Channel(responder: responder, timeouts: configuration.timeouts)
            },
            configuration: .init(
                address: .hostname(configuration.bindHost, port: configuration.port), serverName: "bailiwick"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.bindHost.contains(":") ? "[\(configuration.bindHost)]" : configuration.bindHost
                await onStart("http://\(host):\(port)/")
            },
            logger: logger
        )
    }
}
