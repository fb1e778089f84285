/// Calls `body` with the base address of each array, in order, for backends that hand
/// several arrays to C at once (a C struct of pointers, as GLPK's and CBC's shims take).
/// The pointers are valid only inside `body`; an empty array's may be nil.
///
/// ```swift
/// withBaseAddresses(of: [lower, upper]) { p in c.lb = p[0]; c.ub = p[1]; return load(&c) }
/// ```
@_spi(Backend)
public func withBaseAddresses<T, R>(of arrays: [[T]], _ body: ([UnsafePointer<T>?]) throws -> R) rethrows -> R {
    try withBaseAddresses(of: arrays[...], after: [], body)
}

private func withBaseAddresses<T, R>(of arrays: ArraySlice<[T]>, after pinned: [UnsafePointer<T>?],
                                     _ body: ([UnsafePointer<T>?]) throws -> R) rethrows -> R {
    guard let first = arrays.first else { return try body(pinned) }
    return try first.withUnsafeBufferPointer { buffer in
        try withBaseAddresses(of: arrays.dropFirst(), after: pinned + [buffer.baseAddress], body)
    }
}
