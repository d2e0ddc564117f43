import CCmarkGFM

/// The only file that touches cmark-gfm's C pointers: parses Markdown with the GFM table and tasklist
/// extensions and copies the tree into a `MarkdownTree`. Nothing from C escapes this file.
enum CmarkParser {
    /// Parses `text` (UTF-8, `\n` line endings).
    static func parse(_ text: String) -> MarkdownTree {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist", "strikethrough", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var copy = text
        copy.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return MarkdownTree(nodes: []) }
        defer { cmark_node_free(root) }
        return copyTree(root)
    }

    /// Walks the cmark tree with its own iterator (no recursion) and copies block nodes.
    private static func copyTree(_ root: OpaquePointer) -> MarkdownTree {
        var nodes: [MarkdownTree.Node] = []
        var lastChild: [Int] = []
        // The stack of open block nodes (indices into `nodes`); inline text goes to the top one.
        var open: [Int] = []
        var containerDepth = 0
        guard let iterator = cmark_iter_new(root) else { return MarkdownTree(nodes: []) }
        defer { cmark_iter_free(iterator) }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isBlock = (type.rawValue & UInt32(CMARK_NODE_TYPE_MASK)) == UInt32(CMARK_NODE_TYPE_BLOCK)

            if isBlock {
                if event == CMARK_EVENT_ENTER {
                    let kind = blockKind(node, type: type)
                    let parent = open.last ?? -1
                    var copied = MarkdownTree.Node(
                        kind: kind, parent: parent,
                        startLine: Int(cmark_node_get_start_line(node)),
                        startColumn: Int(cmark_node_get_start_column(node)),
                        endLine: Int(cmark_node_get_end_line(node)),
                        endColumn: Int(cmark_node_get_end_column(node)),
                        depth: containerDepth)
                    if kind == .codeBlock || kind == .htmlBlock, let literal = cmark_node_get_literal(node) {
                        copied.text = String(cString: literal)
                    }
                    let index = nodes.count
                    nodes.append(copied)
                    lastChild.append(-1)
                    if parent >= 0 {
                        if lastChild[parent] >= 0 { nodes[lastChild[parent]].nextSibling = index } else { nodes[parent].firstChild = index }
                        lastChild[parent] = index
                    }
                    // cmark reports leaf blocks with one event; every other block waits for its exit.
                    if !isLeaf(kind) {
                        open.append(index)
                        if isContainer(kind) { containerDepth += 1 }
                    }
                } else if event == CMARK_EVENT_EXIT, let top = open.popLast() {
                    if isContainer(nodes[top].kind) { containerDepth -= 1 }
                }
                continue
            }

            // Inline nodes: fold their text into the enclosing block.
            guard event == CMARK_EVENT_ENTER, let owner = open.last else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(node) { nodes[owner].text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                nodes[owner].text += "\n"
            default:
                break
            }
        }
        return MarkdownTree(nodes: nodes)
    }

    private static func isLeaf(_ kind: MarkdownTree.Kind) -> Bool {
        kind == .codeBlock || kind == .htmlBlock || kind == .thematicBreak
    }

    private static func isContainer(_ kind: MarkdownTree.Kind) -> Bool {
        switch kind {
        case .list, .item, .blockQuote: return true
        default: return false
        }
    }

    private static func blockKind(_ node: OpaquePointer, type: cmark_node_type) -> MarkdownTree.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM:
            // The tasklist extension keeps the item type and only renames it.
            if let name = cmark_node_get_type_string(node), String(cString: name) == "tasklist" {
                return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
            }
            return .item(task: nil)
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        default: break
        }
        guard let name = cmark_node_get_type_string(node) else { return .other }
        switch String(cString: name) {
        case "tasklist": return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
        case "table": return .table
        case "table_header": return .tableRow(header: true)
        case "table_row": return .tableRow(header: false)
        case "table_cell": return .tableCell
        default: return .other
        }
    }
}
