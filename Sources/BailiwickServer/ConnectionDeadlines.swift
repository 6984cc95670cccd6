import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// Hummingbird's HTTP/1.1 channel with the deadlines of `ConnectionTimeouts` enforced on the
/// connection itself: below the routes, so before the token check, and for clients that never
/// finish a request. Hummingbird's own idle timeout counts only whole request parts, so it
/// cannot see a head that drips in a byte at a time, and a dripping body resets it forever.
struct TimedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let timeouts: ConnectionTimeouts

    init(responder: @escaping HTTPChannelHandler.Responder, timeouts: ConnectionTimeouts) {
        self.timeouts = timeouts
        http1 = HTTP1Channel(responder: responder, configuration: .init(additionalChannelHandlers: [RequestProgress()]))
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            // First in the pipeline: it sees every byte as it arrives, before the HTTP decoder.
            try channel.pipeline.syncOperations.addHandler(ConnectionDeadlines(timeouts), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http1.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopExecutor(value.channel.eventLoop)) {
            await http1.handle(value: value, logger: logger)
        }
    }
}

/// Closes a connection that overstays the phase it is in: reading a request head (from
/// connecting, or from the first byte after the previous response), reading a body, or idle
/// between requests. While the server computes an answer no deadline runs.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = Any
    typealias OutboundOut = Any

    /// Sent by `RequestProgress`, which sees the decoded request parts, down the pipeline to here.
    enum Progress {
        case headRead, requestRead, idle
    }

    private enum Phase {
        case head, body, answering, idle
    }

    private let timeouts: ConnectionTimeouts
    private var phase = Phase.head
    private var deadline: Scheduled<Void>?

    init(_ timeouts: ConnectionTimeouts) {
        self.timeouts = timeouts
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { enter(.head, context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        enter(.head, context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The first byte of the next request: its head must now arrive in time.
        if phase == .idle { enter(.head, context) }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let progress = event as? Progress else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch progress {
        case .headRead: enter(.body, context)
        case .requestRead: enter(.answering, context)
        case .idle: enter(.idle, context)
        }
        promise?.succeed(())
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
    }

    private func enter(_ next: Phase, _ context: ChannelHandlerContext) {
        phase = next
        deadline?.cancel()
        deadline = nil
        let limit: Duration
        switch next {
        case .head: limit = timeouts.head
        case .body: limit = timeouts.body
        case .idle: limit = timeouts.idle
        case .answering: return
        }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(limit)) {
            context.close(promise: nil)
        }
    }
}

/// Tells `ConnectionDeadlines` where the connection is in its requests, from the decoded parts.
final class RequestProgress: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests whose response has not been written (a client may send the next one early).
    private var unanswered = 0
    private var readingRequest = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            readingRequest = true
            context.triggerUserOutboundEvent(ConnectionDeadlines.Progress.headRead, promise: nil)
        case .body:
            break
        case .end:
            readingRequest = false
            // Answered before its body was read (a body too large): the connection is idle now.
            let next: ConnectionDeadlines.Progress = unanswered == 0 ? .idle : .requestRead
            context.triggerUserOutboundEvent(next, promise: nil)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0 && !readingRequest {
                context.triggerUserOutboundEvent(ConnectionDeadlines.Progress.idle, promise: nil)
            }
        }
        context.write(data, promise: promise)
    }
}
