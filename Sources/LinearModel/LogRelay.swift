/// A `SolveParameters.logHandler` carried through a C callback, for backends: the C side
/// gets ``function`` and ``retain(_:)``'s pointer as its `void *info`, and the log text
/// reaches the handler. Not for planner code.
///
/// ```swift
/// let info = LogRelay.retain(handler)          // +1: the C side may keep it
/// defer { LogRelay.release(info) }
/// c_set_log(LogRelay.function, info)
/// ```
@_spi(Backend)
public enum LogRelay {
    /// The C signature both shims use: `void (*)(void *info, const char *text)`.
    public typealias CFunction = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void

    /// Calls the handler behind `info` with `text`.
    public static let function: CFunction = { info, text in
        guard let info, let text else { return }
        Unmanaged<Box>.fromOpaque(info).takeUnretainedValue().handler(String(cString: text))
    }

    /// `handler`, retained, as the callback's `info`; give it back to ``release(_:)``.
    public static func retain(_ handler: @escaping @Sendable (String) -> Void) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(Box(handler)).toOpaque()
    }

    /// Releases what ``retain(_:)`` returned.
    public static func release(_ info: UnsafeMutableRawPointer) {
        Unmanaged<Box>.fromOpaque(info).release()
    }

    private final class Box {
        let handler: @Sendable (String) -> Void
        init(_ handler: @escaping @Sendable (String) -> Void) { self.handler = handler }
    }
}
