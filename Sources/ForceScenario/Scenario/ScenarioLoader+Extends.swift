import Foundation

/// `extends: PATH`: a variant file holds only what differs from its base.
///
/// The loader reads the chain (the variant, its base, the base's base...), merges the YAML
/// trees from the bottom up (``VariantMerge``) and decodes the result once. Nodes keep the
/// file they came from, so a diagnostic names the file and line that wrote the faulty
/// value; in a chain, it also says whether that file is the variant or a base.
extension ScenarioLoader {
    /// Most bases above one file: a variant, its base, ... at most this many `extends`.
    public static let maxExtendsDepth = 8

    /// What reading a chain of `extends` gathered besides the merged tree.
    struct ExtendsChain {
        /// The files in the chain as named (relative paths joined), the loaded file first.
        var files: [String]
        /// The same files, canonical (absolute, symbolic links resolved), for cycle checks.
        var canonical: [String]
        var merge = VariantMerge()
    }

    /// `root` of `file` with every base it extends merged under it; `extends` itself taken
    /// out. Stops at the first missing base, cycle, over-deep chain or unreadable base.
    static func resolveExtends(_ root: YAMLNode, file: String, chain: inout ExtendsChain)
        throws(ScenarioLoadError) -> YAMLNode
    {
        guard case .mapping(var pairs) = root.content else { return root }
        let indices = pairs.indices.filter { VariantMerge.name(pairs[$0].key) == "extends" }
        guard let first = indices.first else { return root }
        if let second = indices.dropFirst().first {
            throw located(pairs[second].key, "'extends' is given twice; a variant extends one base")
        }
        let node = pairs[first].value
        pairs.remove(at: first)
        let variant = YAMLNode(content: .mapping(pairs), location: root.location)

        guard case .scalar(let target, _) = node.content, !node.isNull, !target.isEmpty else {
            throw located(node, "extends takes the path of one base scenario, relative to this file; write e.g. extends: coalition-2025.yaml")
        }
        let path = basePath(target, from: file)
        let canonical = canonicalPath(path)
        if let start = chain.canonical.firstIndex(of: canonical) {
            let loop = (chain.files[start...] + [path]).joined(separator: " -> ")
            throw located(node, "extends cycle: \(loop); a base must not extend, directly or not, a file that extends it")
        }
        if chain.files.count > maxExtendsDepth {
            throw located(node, "extends chain is deeper than \(maxExtendsDepth) files (\(chain.files.joined(separator: " -> ")) -> \(path)); "
                + "extend a nearer base, or write this what-if in full")
        }
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch {
            let why = error.diagnostics.first?.message ?? "cannot read it"
            if !FileManager.default.fileExists(atPath: path) {
                throw located(node, "base scenario '\(target)' not found (looked for \(path)); extends takes a path relative to the file that names it")
            }
            throw located(node, "cannot use base scenario '\(target)' (\(path)): \(why)")
        }
        chain.files.append(path)
        chain.canonical.append(canonical)
        guard let baseRoot = try composeText(bytes, file: path) else {
            throw located(node, "base scenario '\(target)' (\(path)) is empty; a base is a full scenario starting with 'format: forceplan/v1'")
        }
        let base = try resolveExtends(baseRoot, file: path, chain: &chain)
        return chain.merge.merge(base: base, variant: variant)
    }

    /// `target` relative to the directory of `file`, unless absolute.
    static func basePath(_ target: String, from file: String) -> String {
        if target.hasPrefix("/") { return target }
        let dir = (file as NSString).deletingLastPathComponent
        return dir.isEmpty ? target : (dir as NSString).appendingPathComponent(target)
    }

    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func located(_ node: YAMLNode, _ message: String) -> ScenarioLoadError {
        ScenarioLoadError(diagnostics: [Diagnostic(.error, file: node.location.file, location: node.location,
                                                   message: ScenarioDecoder.bounded(message))])
    }

    /// In a chain, says of each diagnostic whether it is in the variant or in a base.
    static func attribute(_ diagnostics: [Diagnostic], chain: ExtendsChain) -> [Diagnostic] {
        guard chain.files.count > 1, let top = chain.files.first else { return diagnostics }
        let base = chain.files[1]
        return diagnostics.map { d in
            var d = d
            if d.file == top {
                d.message += " (in the variant; its base is \(base))"
            } else if chain.files.contains(d.file) {
                d.message += " (in the base of \(top))"
            }
            return d
        }
    }
}

extension Scenario {
    /// Whether this scenario's file extends `base`'s file, directly or through its own bases
    /// (paths compared canonical, so `./a.yaml` and `a.yaml` are one file). False when either
    /// was not loaded from a file. `forceplan whatif` warns when a variant does not extend
    /// its baseline: it is then compared as a scenario of its own, and every difference
    /// shows as a change.
    public func extends(_ base: Scenario) -> Bool {
        guard let file = base.file, self.file != nil else { return false }
        let target = ScenarioLoader.canonicalPath(file)
        return bases.contains { ScenarioLoader.canonicalPath($0) == target }
    }
}
