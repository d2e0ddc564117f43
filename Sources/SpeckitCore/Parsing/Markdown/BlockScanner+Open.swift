extension BlockScanner {
    /// `open_new_blocks`: the blocks the line starts after the ones it continues (`matched` of them). Returns
    /// whether it opened any (then the line cannot be a lazy continuation).
    mutating func openNewBlocks(matched: Int) -> Bool {
        let allMatched = matched == stack.count
        var maybeLazy = top == .paragraph
        var container = matched
        var opened = false

        while true {
            let containerKind = container > 0 ? stack[container - 1].kind : nil
            switch containerKind {
            case .fencedCode?, .indentedCode?, .html?: return opened
            default: break
            }
            findFirstNonspace()
            let indented = indent >= 4
            let first = line.peek(firstNonspace)
            // Most lines are prose: a letter cannot start a block, a delimiter row, or a tasklist item.
            if !indented, LineBytes.isLetter(first), !isTable(containerKind) { return opened }
            if !indented, first == 0x3E {
                advance(to: firstNonspace + 1)
                if LineBytes.isSpaceOrTab(line.peek(offset)) { advance(1, columns: true) }
                push(.blockQuote, container: &container, opened: &opened)
            } else if !indented, case let heading = line.atxHeadingStart(firstNonspace), heading > 0 {
                advance(to: firstNonspace + heading)
                push(.heading, container: &container, opened: &opened)
                startUnit(heading: true)
            } else if !indented, case let fence = line.openingFence(firstNonspace), fence > 0 {
                push(
                    .fencedCode(mark: first, length: min(fence, 255), offset: firstNonspace - offset), container: &container,
                    opened: &opened)
                advance(to: firstNonspace + fence)
            } else if !indented,
                case let type = line.htmlBlockStart(firstNonspace),
                type > 0 || (containerKind != .paragraph && line.htmlBlockStart7(firstNonspace))
            {
                push(.html(type: type > 0 ? type : 7), container: &container, opened: &opened)
            } else if !indented, containerKind == .paragraph, line.setextLevel(firstNonspace) > 0 {
                if paragraphHasContent() {
                    stack[container - 1].kind = .heading
                    unit?.isHeading = true
                    if let first = unit?.first, scan.lines != nil {
                        for index in first..<scan.lines!.count { scan.lines![index].kind = .heading }
                    }
                    advance(to: line.end)
                }
            } else if !indented, !(containerKind == .paragraph && !allMatched), thematicBreakKillPosition <= firstNonspace,
                case let rule = line.thematicBreak(firstNonspace), rule.matched || remember(rule.stop)
            {
                push(.thematicBreak, container: &container, opened: &opened)
                advance(to: line.end)
                (kind, kindStart) = (.thematicBreak, lineIndex)
            } else if !indented || isList(containerKind), indent < 4,
                let marker = line.listMarker(firstNonspace, interruptsParagraph: containerKind == .paragraph)
            {
                let content = listItemContent(marker)
                let list = Open.Kind.list(bullet: marker.bullet, delimiter: marker.delimiter)
                if containerKind != list { push(list, container: &container, opened: &opened) }
                push(.item(content: content), container: &container, opened: &opened)
            } else if indented, !maybeLazy, !blank {
                advance(4, columns: true)
                push(.indentedCode, container: &container, opened: &opened)
            } else if !indented, containerKind == .paragraph {
                // The table extension: a delimiter row under a paragraph may turn its last line into a header.
                if tableHeader() { return opened }
            } else if !indented, case .table? = containerKind {
                guard !blank else { return opened }
                push(.tableRow, container: &container, opened: &opened)
                tableRow(columns: tableColumns)
            } else {
                // The tasklist extension takes `[ ]` off an item's line.
                if case .item? = containerKind, line.tasklistItem() { advance(3, columns: false) }
                return opened
            }
            if let kind = container > 0 ? stack[container - 1].kind : nil, kind == .paragraph || kind == .heading || isCode(kind) {
                return opened
            }
            maybeLazy = false
        }
    }

    /// Opens `kind` inside the container, first closing the open blocks the line did not continue.
    mutating func push(_ kind: Open.Kind, container: inout Int, opened: inout Bool) {
        if !opened {
            close(downTo: container)
            opened = true
        }
        open(kind)
        container = stack.count
    }

    func isTable(_ kind: Open.Kind?) -> Bool {
        if case .table? = kind { return true }
        return false
    }

    /// Keeps where a failed thematic break scan stopped (`thematic_break_kill_pos`); always false.
    mutating func remember(_ stop: Int) -> Bool {
        thematicBreakKillPosition = stop
        return false
    }

    func isList(_ kind: Open.Kind?) -> Bool {
        if case .list? = kind { return true }
        return false
    }

    func isCode(_ kind: Open.Kind) -> Bool {
        switch kind {
        case .fencedCode, .indentedCode: return true
        default: return false
        }
    }

    /// The columns of the innermost open table.
    var tableColumns: Int {
        for open in stack.reversed() { if case .table(let columns) = open.kind { return columns } }
        return 0
    }

    /// The list item branch of `open_new_blocks`: moves past the marker and the padding after it; returns the
    /// column the item's content starts at.
    mutating func listItemContent(_ marker: LineBytes.ListMarker) -> Int {
        advance(to: firstNonspace + marker.length)
        let saved = (partiallyConsumedTab, offset, column)
        while column - saved.2 <= 5, LineBytes.isSpaceOrTab(line.peek(offset)) { advance(1, columns: true) }
        let spaces = column - saved.2
        var padding = marker.length + spaces
        if spaces >= 5 || spaces < 1 || LineBytes.isLineEnd(line.peek(offset)) {
            padding = marker.length + 1
            (partiallyConsumedTab, offset, column) = saved
            if spaces > 0 { advance(1, columns: true) }
        }
        return indent + padding
    }

    /// `add_text_to_container`: what the rest of the line is: a lazy continuation of an open paragraph, a
    /// line of code or HTML, a line of a paragraph or heading, or the first line of a new paragraph.
    mutating func addText(matched: Int, opened: Bool) {
        findFirstNonspace()
        if !opened, stack.count > matched, !blank, top == .paragraph {
            addInlineLine(from: offset)
            return
        }
        if !opened { close(downTo: matched) }
        switch top {
        case .fencedCode?, .indentedCode?:
            (kind, kindStart) = (.code, stack[stack.count - 1].line)
        case .html(let type)?:
            (kind, kindStart) = (.html, stack[stack.count - 1].line)
            if type <= 5, line.endsHTMLBlock(type, from: firstNonspace) { closeTop() }
        case .paragraph?, .heading?:
            guard !blank || top == .heading else { return }
            advance(to: firstNonspace)
            addInlineLine(from: offset)
        default:
            guard !blank else { return }
            open(.paragraph)
            advance(to: firstNonspace)
            startUnit(heading: false)
            addInlineLine(from: offset)
        }
    }
}
