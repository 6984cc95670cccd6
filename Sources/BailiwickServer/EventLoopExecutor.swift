import NIOCore

/// Runs a connection's task on the event loop its channel reads and writes on. Without it, the task
/// runs on Swift's shared pool and every request part read and every response written crosses from
/// one thread to the other and back; with it, reading a request, answering it and writing the answer
/// stay on one thread. The work done there is in memory and short: audits, the one request whose
/// cost grows with its input, run on threads of their own (`AuditTurns`).
final class EventLoopExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
