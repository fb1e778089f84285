import ForceScenario

extension Scenario {
    /// The option `id` as planned (``Scenario/effectiveOptions``), or without an id the first.
    ///
    /// - Throws: ``InputError`` for an unknown id, with the nearest known ids, or when the
    ///   scenario has no options.
    public func option(_ id: String?) throws -> Option {
        let options = effectiveOptions
        guard let id else {
            guard let first = options.first else { throw InputError("the scenario has no options") }
            return first
        }
        guard let found = options.first(where: { $0.id == id }) else {
            throw InputError("--option \(id): unknown option" + Suggest.hint(id, among: options.map(\.id), noun: "options"))
        }
        return found
    }
}
