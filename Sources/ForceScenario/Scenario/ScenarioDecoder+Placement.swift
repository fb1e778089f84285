/// Keys written at the wrong level: `funds` under a pledge or under `policies` is a key
/// the format knows, only elsewhere. Saying where it belongs beats listing what is allowed.
extension ScenarioDecoder {
    /// Where each key that lives at one level only belongs, with an example.
    static let placement: [String: String] = [
        "funds": "it belongs to a nation, beside 'budget' (e.g. nations: {japan: {funds: 200}})",
        "budget": "it belongs to a nation (e.g. nations: {uk: {budget: 3000}}); a cap on the whole coalition is policies: {total_budget: N}",
        "total_budget": "it belongs under policies (e.g. policies: {total_budget: 20000})",
    ]

    /// The message for `name`, unknown in `what`, when the key is known at another level.
    static func misplaced(_ name: String, in what: String) -> String? {
        placement[name].map { "'\(name)' is not a key of \(what): \($0)" }
    }
}
