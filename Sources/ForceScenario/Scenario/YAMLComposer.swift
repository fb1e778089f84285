import CLibYAML

/// A YAML node and where it starts: the tree the scenario decoder reads.
///
/// Built by ``YAMLComposer`` from libyaml's events rather than with `Yams.compose`, because
/// the loader must see what `compose` hides: aliases (rejected, so "billion laughs" cannot
/// expand), explicit tags, quoting (a quoted `"12"` is not a number), and the nesting depth
/// before it recurses.
package struct YAMLNode {
    package enum Style: Equatable {
        /// Unquoted: may be a number, a boolean or null.
        case plain
        /// Single- or double-quoted, or a block scalar: always a string.
        case quoted
    }

    package enum Content {
        case scalar(String, Style)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    package var content: Content
    package var location: SourceLocation

    /// An empty plain scalar (`key:` with nothing after it).
    package var isNull: Bool {
        if case .scalar(let s, .plain) = content {
            return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
        }
        return false
    }
}

package struct YAMLPair {
    package var key: YAMLNode
    package var value: YAMLNode
}

/// Limits that keep hostile input cheap: composition stops at the first one exceeded.
package struct YAMLLimits {
    /// Deepest nesting of lists and mappings; a scenario needs about 6.
    var maxDepth = 64
    /// Most nodes in one file.
    var maxNodes = 500_000
}

/// Composes UTF-8 YAML text into a ``YAMLNode`` tree, without recursion and within limits.
package enum YAMLComposer {
    /// The single document's root, or nil for an empty stream; a diagnostic for the first
    /// syntax error, alias, tag, second document or exceeded limit.
    ///
    /// - Complexity: O(n) in the length of the text; the stack depth of the caller does not
    ///   grow with the nesting of the input.
    package static func compose(_ bytes: [UInt8], file: String, limits: YAMLLimits = YAMLLimits())
        -> Result<YAMLNode?, Diagnostic>
    {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Diagnostic(file: file, message: "cannot start the YAML parser (out of memory)"))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var composer = Composition(file: file, limits: limits, bytes: buffer)
            return composer.run(&parser)
        }
    }
}

private struct Composition {
    /// An open list or mapping. Children are appended in place (`stack[i].items.append`),
    /// never by copying the frame out and back, which would make long lists quadratic.
    struct Frame {
        var isSequence: Bool
        var location: SourceLocation
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
    }

    let file: String
    let limits: YAMLLimits
    let bytes: UnsafeBufferPointer<UInt8>
    var stack: [Frame] = []
    var root: YAMLNode?
    var documents = 0
    var nodes = 0

    init(file: String, limits: YAMLLimits, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.limits = limits
        self.bytes = bytes
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    func fail(_ mark: yaml_mark_t, _ message: String) -> Result<YAMLNode?, Diagnostic> {
        .failure(Diagnostic(file: file, location: location(mark), message: message))
    }

    mutating func run(_ parser: inout yaml_parser_t) -> Result<YAMLNode?, Diagnostic> {
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxError(parser))
            }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return fail(mark, "a second YAML document starts here; a scenario file holds one document (remove the '---')")
                }
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                return fail(mark, "YAML alias '*\(name)' is not supported; write the value out in full")
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                if let tag = string(s.tag) {
                    return fail(mark, "YAML tag '\(tag)' is not supported; write a plain value")
                }
                let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let style: YAMLNode.Style = s.style == YAML_PLAIN_SCALAR_STYLE ? .plain : .quoted
                if let failure = add(YAMLNode(content: .scalar(text, style), location: location(mark)), mark) {
                    return failure
                }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let tag = isSequence ? event.data.sequence_start.tag : event.data.mapping_start.tag
                if let tag = string(tag) {
                    return fail(mark, "YAML tag '\(tag)' is not supported; write a plain list or mapping")
                }
                if stack.count >= limits.maxDepth {
                    return fail(mark, "lists and mappings nest more than \(limits.maxDepth) levels deep here; a scenario needs only a few levels")
                }
                if let failure = count(mark) { return failure }
                stack.append(Frame(isSequence: isSequence, location: location(mark)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                attach(YAMLNode(content: frame.isSequence ? .sequence(frame.items) : .mapping(frame.pairs),
                                location: frame.location))
            default:
                break   // stream and document boundaries carry nothing
            }
        }
    }

    mutating func count(_ mark: yaml_mark_t) -> Result<YAMLNode?, Diagnostic>? {
        nodes += 1
        if nodes > limits.maxNodes {
            return fail(mark, "more than \(limits.maxNodes) YAML values; this is not a scenario a planner wrote")
        }
        return nil
    }

    mutating func add(_ node: YAMLNode, _ mark: yaml_mark_t) -> Result<YAMLNode?, Diagnostic>? {
        if let failure = count(mark) { return failure }
        attach(node)
        return nil
    }

    mutating func attach(_ node: YAMLNode) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        if stack[top].isSequence {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            var value = node
            // `key:` with nothing after it: libyaml marks the empty value wherever the
            // next token is; the key is where the planner looks.
            if case .scalar("", .plain) = value.content { value.location = key.location }
            stack[top].pairs.append(YAMLPair(key: key, value: value))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
    }

    func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if parser.error == YAML_READER_ERROR {
            let at = lineAndColumn(ofByte: parser.problem_offset)
            return Diagnostic(file: file, location: at, message: "\(problem); expected UTF-8 text without control characters")
        }
        let context = parser.context.map { String(cString: $0) }
        var at = parser.problem_mark
        var message = "YAML syntax error: \(problem)"
        if let context {
            // A key without ':' or an unclosed quote is noticed lines later; the planner
            // must look where the key or the quote starts.
            let scanning = parser.error == YAML_SCANNER_ERROR
                && (context.contains("simple key") || context.contains("quoted scalar") || context.contains("block scalar"))
            // An unclosed '[' or '{' is noticed at whatever follows, often lines later.
            let unclosed = context.contains("flow") && parser.problem_mark.line > parser.context_mark.line
            if scanning || unclosed {
                at = parser.context_mark
                message += " \(context) (noticed at \(parser.problem_mark.line + 1):\(parser.problem_mark.column + 1))"
            } else {
                message += " \(context) started at \(parser.context_mark.line + 1):\(parser.context_mark.column + 1)"
            }
        }
        message += "; " + hint(problem, context, at: parser.problem_mark)
        return Diagnostic(file: file, location: location(at), message: message)
    }

    func hint(_ problem: String, _ context: String?, at mark: yaml_mark_t) -> String {
        if mark.index < bytes.count, bytes[Int(mark.index)] == UInt8(ascii: "\t") {
            return "indent with spaces, not tabs"
        }
        if problem.contains("expected ':'") { return "add ':' after the key" }
        if context?.contains("quoted scalar") == true { return "close the quote" }
        if problem.contains("mapping values are not allowed") {
            return "a plain value cannot contain ': '; quote the value, or put a nested mapping on its own indented lines"
        }
        if problem.contains("expected ',' or ']'") { return "close the list with ']' or separate items with ','" }
        if problem.contains("expected ',' or '}'") { return "close the mapping with '}' or separate entries with ','" }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
            return "check the indentation of this line against the keys above it"
        }
        return "check indentation, ':' after keys, and matching quotes and brackets"
    }

    func lineAndColumn(ofByte offset: Int) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
