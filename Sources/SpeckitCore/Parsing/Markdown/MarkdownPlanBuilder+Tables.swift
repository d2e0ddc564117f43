/// Tables that list work: `| ID | Task | Status |` rows are tasks, `| Phase | Status |` rows state the status of
/// the phases they name. Both are read only when the header says so plainly; the rows are settled once the whole
/// document is read, because a table often summarises tasks and phases written further down.
struct TableRow {
    var id: String
    var title: String
    /// The status cell, when it holds a status speckit knows.
    var status: String?
    var range: SourceRange
    /// The phase the table stands in, or -1.
    var phase: Int
    /// Cells of columns that name a field a task has (`Owner`, `Depends`, `Started`, `Priority`).
    var fields: [FieldFact] = []
}

struct PhaseTableRow {
    var name: String
    var status: String
    var range: SourceRange
}

/// What a table's header row says its columns hold.
struct TableColumns {
    var id: Int?
    var title: Int?
    var status: Int?
    /// A first column of phases (`Phase`, `Fase`, `フェーズ`).
    var phase = false

    init(header: [String], words: ConceptWords) {
        let folded = header.map(Self.fold)
        status = folded.firstIndex { FieldLineParser.statusKeys.contains($0) }
        id = folded.firstIndex { Self.idHeaders.contains($0) }
        title = folded.firstIndex { Self.titleHeaders.contains($0) }
        if let first = header.first {
            let stripped = first.filter { $0 != "*" && $0 != "_" && $0 != "`" }.trimmingSpaces
            phase = words.isKey(stripped, of: .phase) || ClaimTable.phaseHeaders.contains(ClaimTable.fold(first))
        }
    }

    static func fold(_ cell: String) -> String {
        StatusVocabulary.fold(cell.filter { $0 != "*" && $0 != "`" }.trimmingSpaces)
    }

    /// Headers of a column of task ids.
    static let idHeaders: Set<String> = [
        "id", "#", "taskid", "ticket", "ticketid", "key", "taskno", "task#", "no", "no.", "nº",
        "タスクid", "任务id", "任務id", "编号", "編號", "번호", "작업id",
    ]

    /// Headers of a column of task titles (a `Task` column may also start with the id).
    static let titleHeaders: Set<String> = [
        "task", "tasks", "title", "description", "name", "summary", "deliverable", "taskname", "tasktitle",
        "tarea", "título", "titulo", "descripción", "descripcion", "nombre", "tarefa", "descrição", "descricao", "nome",
        "tâche", "tache", "titre", "aufgabe", "titel", "beschreibung", "タスク", "タイトル", "内容", "説明", "任务",
        "任務", "标题", "標題", "描述", "名称", "作業", "작업", "제목", "설명", "태스크",
    ]
}

extension MarkdownPlanBuilder {
    /// Remembers the rows of a task table or a phase-status table; `settleTables()` reads them at the end.
    mutating func collectTableRows(_ index: Int) {
        // Specs and references list requirements and decisions in `| ID | … | Status |` tables; a checklist
        // section's table checks rather than plans.
        guard idTasks, !checklistDocument, checklistSection == nil else { return }
        let rows = tree.children(of: index)
        guard let headerRow = rows.first, case .tableRow(header: true) = tree.nodes[headerRow].kind else { return }
        let header = tree.children(of: headerRow).map { tree.nodes[$0].text.collapsingWhitespace }
        let columns = TableColumns(header: header, words: vocabulary.concepts)
        guard let statusColumn = columns.status, header.count >= 2 else { return }
        let body = rows.dropFirst().map { row in (row, tree.children(of: row).map { tree.nodes[$0].text.collapsingWhitespace }) }

        if columns.phase, statusColumn != 0 {
            for (row, cells) in body where statusColumn < cells.count && !cells[0].isEmpty {
                phaseTableRows.append(PhaseTableRow(name: cells[0], status: cells[statusColumn], range: range(of: row)))
            }
            return
        }
        var found: [TableRow] = []
        for (row, cells) in body where statusColumn < cells.count {
            guard let (id, title) = idAndTitle(cells, columns: columns) else { continue }
            // A cell speckit cannot read (`qa-review`, a team's own word) states nothing rather than a guess.
            let cell = cells[statusColumn].trimmingSpaces
            let status = cellStatus(cell) == nil ? nil : cell
            var record = TableRow(id: id, title: title, status: status, range: range(of: row), phase: phase?.index ?? -1)
            for (column, key) in fieldColumns(header, columns: columns) where column < cells.count {
                let value = cells[column].trimmingSpaces
                guard !value.isEmpty, !Self.saysNone(value) else { continue }
                record.fields.append(FieldFact(key: key, name: header[column], value: value))
            }
            found.append(record)
        }
        // A table whose status cells say nothing speckit knows lists something else (risks, sources, files).
        guard found.contains(where: { $0.status != nil }) else { return }
        tableRows += found
    }

    /// Columns whose header is a task field speckit knows: assignee, dates, priority, dependencies.
    private func fieldColumns(_ header: [String], columns: TableColumns) -> [(Int, FieldFact.Key)] {
        header.indices.compactMap { column in
            guard column != columns.id, column != columns.title, column != columns.status,
                let key = FieldLineParser.key(for: Self.plain(header[column]), anyKey: false, words: vocabulary.concepts)
            else { return nil }
            switch key {
            case .assignee, .started, .completed, .due, .priority, .dependencies: return (column, key)
            case .status, .lastUpdated, .other: return nil
            }
        }
    }

    /// The id and title of a row: from an id column, or from a task column whose cells start with an id.
    private func idAndTitle(_ cells: [String], columns: TableColumns) -> (String, String)? {
        if let idColumn = columns.id {
            guard idColumn < cells.count, let id = Self.tableID(cells[idColumn]) else { return nil }
            // `| # | Risk | Status |` numbers rows of something else: a bare number is a task id only beside a
            // column the header calls the task's.
            if columns.title == nil, id.allSatisfy(\.isNumber) { return nil }
            let titleColumn = columns.title ?? cells.indices.first { $0 != idColumn && $0 != columns.status }
            let title = titleColumn.flatMap { $0 < cells.count ? cells[$0] : nil } ?? id
            return (id, Self.plain(title))
        }
        guard let titleColumn = columns.title, titleColumn < cells.count else { return nil }
        let cell = Self.plain(cells[titleColumn])
        guard let match = cell.prefixMatch(of: Self.leadingID), let id = Self.tableID(String(match.1)),
            !id.allSatisfy(\.isNumber)
        else { return nil }
        let title = String(cell[match.range.upperBound...]).trimmingSpaces
        return (id, title.isEmpty ? id : title)
    }

    /// Settles the collected rows: a row restating a task of the document adds a status to it; a new id becomes a
    /// task of the phase its table stands in. A phase row sets the status of the phase it names, if there is one.
    mutating func settleTables() {
        // Looked up by id, not searched: a table of 20,000 rows stays linear.
        var listed: [String: Int] = [:]
        var tabled: [String: Int] = [:]
        for index in tasks.indices {
            guard let id = tasks[index].task.id else { continue }
            if tasks[index].task.form == .table { tabled[id] = tabled[id] ?? index } else { listed[id] = listed[id] ?? index }
        }
        for row in tableRows {
            let stated: Status? = row.status.flatMap { cell in
                cellStatus(cell).map { Status(value: $0, raw: cell, source: .field, range: row.range) }
            }
            // A row restating a task states its status; the same id twice in tables is one task stated twice. A
            // bare number (`| 1 | Write API |`) restates only a task of the same title: tables numbered anew in
            // every phase hold different tasks.
            if let existing = listed[row.id] ?? tabled[row.id],
                !TaskIdentity.isListNumber(row.id) || TaskIdentity.sameTask(tasks[existing].task.title, row.title)
            {
                if let stated { tasks[existing].task.statuses.append(stated) }
                continue
            }
            var task = PlanTask(id: row.id, title: row.title, form: .table, range: row.range)
            if let stated { task.statuses = [stated] }
            tasks.append(TaskRecord(task: task, parent: -1, phase: row.phase, depth: 1))
            tabled[row.id] = tabled[row.id] ?? tasks.count - 1
            for fact in row.fields { apply(fact, toTask: tasks.count - 1, range: row.range) }
        }
        // A ticket table often waits on tickets of an earlier sprint's file (`| DH-016 | … | DH-007 |`): a
        // dependency cell names a dependency only when the document has a task of that id.
        let known = Set(tasks.compactMap(\.task.id))
        for index in tasks.indices where tasks[index].task.form == .table {
            tasks[index].task.dependencies.removeAll { !known.contains($0.id) }
        }
        for row in phaseTableRows {
            guard cellStatus(row.status) != nil, let index = phaseIndex(named: row.name) else { continue }
            apply(FieldFact(key: .status, name: "Status", value: row.status), toPhase: index, range: row.range)
        }
    }

    /// The status a cell states: a status word or emoji, or a checkbox (`[x]`, `[ ]`).
    func cellStatus(_ cell: String) -> CanonicalStatus? {
        let text = Self.plain(cell)
        if text == "[x]" || text == "[X]" { return .done }
        if text == "[ ]" { return .todo }
        return vocabulary.leadingStatus(in: text)
    }

    /// The phase a cell names: `Phase 2`, `2`, `Phase 2: API`, `Fase 2`, or a phase's own title.
    private func phaseIndex(named cell: String) -> Int? {
        let text = Self.plain(cell)
        let subject = ClaimTable.subject(text)
        var ids: Set<String> = []
        if let subject, !subject.isEmpty { ids.insert(subject) }
        if case .phase(let id, _, _) = HeadingClassifier.classify(text, words: vocabulary.concepts) { ids.insert(id) }
        let folded = StatusVocabulary.fold(text)
        // `2` or `Phase 2` names `## Fase 2` too: the number is what the ids share.
        let number = ids.compactMap(Self.phaseNumber).first
        let matches = phases.indices.filter { index in
            let phase = phases[index].phase
            return !phases[index].isGroup
                && (ids.contains(phase.id) || number != nil && Self.phaseNumber(phase.id) == number
                    || StatusVocabulary.fold(phase.title) == folded
                    || StatusVocabulary.fold(phase.id + " " + phase.title) == folded)
        }
        // A name two phases share names neither for certain.
        return matches.count == 1 ? matches[0] : nil
    }

    /// The number of a phase id (`Phase 2`, `Fase 2`, `フェーズ2` → `2`).
    static func phaseNumber(_ id: String) -> String? {
        id.firstMatch(of: /(\d+(?:\.\d+)*)\s*$/).map { String($0.1) }
    }

    /// A cell that is one id (`T001`, `TASK-12`, `P1-001`, `1.2`, `#12`), or nil; ids of requirements, criteria,
    /// stories and decisions (`FR-001`, `US1`, `TC-3`) are not tasks.
    static func tableID(_ cell: String) -> String? {
        var text = plain(cell)
        if text.hasPrefix("#") { text.removeFirst() }
        guard text.wholeMatch(of: idPattern) != nil else { return nil }
        let prefix = text.prefix { $0.isLetter }.uppercased()
        guard !TaskHeading.excludedPrefixes.contains(prefix), prefix != "TC" else { return nil }
        return text
    }

    static func plain(_ cell: String) -> String {
        cell.filter { $0 != "*" && $0 != "`" }.trimmingSpaces
    }

    nonisolated(unsafe) static let idPattern = /(?:[A-Z][A-Z0-9]{0,7}[-_]?)?\d+(?:[.\-]\d+)*[a-z]?/
    nonisolated(unsafe) static let leadingID = /((?:[A-Z][A-Z0-9]{0,7}[-_]?)?\d+(?:\.\d+)*[a-z]?)(?:\s*[:—–]\s*|\s+-\s+|\s+)/
}
