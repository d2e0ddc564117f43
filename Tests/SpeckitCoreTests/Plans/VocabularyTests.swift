import Testing

@testable import SpeckitCore

/// The built-in vocabularies as each reader uses them: headings, labels, scenarios, fields, dependencies and
/// statuses, in English, Spanish, Portuguese, French, German, Japanese, Chinese and Korean.
@Suite("Vocabularies")
struct VocabularyTests {
    @Test(
        "user story headings in every built-in language, with their priority groups",
        arguments: [
            ("User Story 1 - Browse (Priority: P1)", "US1", "Browse", "P1"),
            ("Historia de usuario 2 - Reservar una mesa (Prioridad: P2)", "US2", "Reservar una mesa", "P2"),
            ("História de usuário 3 - Pagar (Prioridade: P3)", "US3", "Pagar", "P3"),
            ("Récit utilisateur 4 - Payer (Priorité : P1)", "US4", "Payer", "P1"),
            ("Benutzergeschichte 5 - Bezahlen (Priorität: P2)", "US5", "Bezahlen", "P2"),
            ("ユーザーストーリー 1 - 商品一覧を閲覧する（優先度: P1）", "US1", "商品一覧を閲覧する", "P1"),
            ("用户故事 2 — 执行 SQL 查询（优先级：P2）", "US2", "执行 SQL 查询", "P2"),
            ("使用者故事 6 - 自訂運動項目 (優先級: P6)", "US6", "自訂運動項目", "P6"),
            ("사용자 스토리 1 - 로그인 (우선순위: P1)", "US1", "로그인", "P1"),
        ])
    func userStories(heading: String, id: String, title: String, priority: String) {
        #expect(HeadingClassifier.classify(heading) == .requirement(id: id, title: title, kind: .userStory, priority: priority))
    }

    @Test(
        "phase headings in every built-in language, with letters after the number and full-width colons",
        arguments: [
            ("Phase 2: Foundational", "Phase 2", "Foundational"),
            ("Fase 2: Historia de usuario 1", "Fase 2", "Historia de usuario 1"),
            ("Étape 3 — Paiement", "Étape 3", "Paiement"),
            ("Etappe 1: Grundlagen", "Etappe 1", "Grundlagen"),
            ("フェーズ 2b: スキャフォールディング", "フェーズ 2b", "スキャフォールディング"),
            ("阶段 1：基础设施", "阶段 1", "基础设施"),
            ("Phase 1：基础设施与后端核心", "Phase 1", "基础设施与后端核心"),
            ("階段 3 - 使用者故事 1", "階段 3", "使用者故事 1"),
            ("단계 2: 핵심 기능", "단계 2", "핵심 기능"),
        ])
    func phases(heading: String, id: String, title: String) {
        guard case .phase(let foundID, let foundTitle, _) = HeadingClassifier.classify(heading) else {
            Issue.record("\(heading) is not a phase")
            return
        }
        #expect(foundID == id)
        #expect(foundTitle == title)
    }

    @Test("words that only begin like a concept are no concept: Phases, Phase2, 各ストーリー, User Story 1の実装")
    func wordBoundaries() {
        #expect(HeadingClassifier.classify("Phases 1 and 2") == .plain)
        #expect(HeadingClassifier.classify("Phase2 rollout") == .plain)
        #expect(HeadingClassifier.classify("各ストーリー内の順序") == .plain)
        #expect(HeadingClassifier.classify("User Story 1の実装") == .plain)
        #expect(HeadingClassifier.classify("フェーズ依存関係") == .plain)
    }

    @Test(
        "acceptance scenarios in other languages: the Given word opens, When/Then/And continue",
        arguments: [
            "**Dado** un restaurante con mesas libres, **Cuando** el cliente reserva, **Entonces** queda confirmada",
            "**Dado** um carrinho vazio, **Quando** o cliente adiciona, **Então** o total muda",
            "**Étant donné** un panier, **Quand** le client paie, **Alors** la commande existe",
            "**Gegeben** ein Warenkorb, **Wenn** der Kunde zahlt, **Dann** existiert die Bestellung",
            "**前提** 商品が3件ある状態で、**もし** 一覧を開くと、**ならば** 3件表示される",
            "**给定** 一个连接串，**当** 用户点击保存，**那么** 连接出现在列表中",
            "**假設** 使用者已登入，**當** 點擊登出，**那麼** 回到首頁",
            "**조건** 로그인한 사용자, **만약** 로그아웃하면, **그러면** 홈으로 이동한다",
        ])
    func scenarios(text: String) {
        #expect(CriterionClassifier.style(of: text) == .scenario)
        #expect(CriterionClassifier.startsScenario(text))
    }

    @Test("a word that merely starts with a scenario word opens nothing: 前提条件, 当前")
    func scenarioBoundaries() {
        #expect(CriterionClassifier.style(of: "前提条件: Node 20 がインストール済み") == nil)
        #expect(!CriterionClassifier.startsScenario("前提条件: Node 20"))
        #expect(!CriterionClassifier.continuesScenario("当前版本不支持 MySQL"))
        #expect(CriterionClassifier.continuesScenario("**Entonces** la reserva queda confirmada"))
        #expect(CriterionClassifier.continuesScenario("Y el correo se envía"))
    }

    @Test("labels and fields in other languages: 受け入れシナリオ:, 验收场景：, Estado, ステータス, 依存関係, Prioridad")
    func labelsAndFields() {
        #expect(LabelClassifier.label("**受け入れシナリオ**:", requireColon: true) != nil)
        #expect(LabelClassifier.label("**验收场景**：", requireColon: true) != nil)
        #expect(LabelClassifier.label("Escenarios de aceptación:", requireColon: true) != nil)
        #expect(FieldLineParser.fields(in: "**Estado**: completado").map(\.key) == [.status])
        #expect(FieldLineParser.fields(in: "**ステータス**：完了").map(\.key) == [.status])
        #expect(FieldLineParser.fields(in: "**依存関係**: T001").map(\.key) == [.dependencies])
        #expect(FieldLineParser.fields(in: "**Prioridad**: Alta").map(\.key) == [.priority])
        #expect(FieldLineParser.fields(in: "**After**: the login works").isEmpty, "'After:' names no dependency field")
    }

    @Test(
        "dependencies only after a label and only id-shaped",
        arguments: [
            ("T001 Build the client; retry after 2 seconds", [String]()),
            ("T002 Banner that will auto-clear after 60s", []),
            ("T003 guidance surfaces die in slice 1.4 (planned)", []),
            ("T004 Requires 2 approvals before merge", []),
            ("T005 Report, after T150a-d", ["T150a", "T150b", "T150c", "T150d"]),
            ("T006 Release (depends on T010–T014)", ["T010", "T011", "T012", "T013", "T014"]),
            ("T007 Docs (depends on T1.1-T1.3)", ["T1.1", "T1.2", "T1.3"]),
            ("T008 Ship (DÉPEND DE T001)", ["T001"]),
            ("T007 Ship (depends on T1-3)", ["T1", "T2", "T3"]),
            ("T008 Docs (depends on T015, T016 and T017)", ["T015", "T016", "T017"]),
            ("T009 (depends on 3)", ["3"]),
            ("T010 Endpoint (depende de T003 y T004)", ["T003", "T004"]),
            ("T011 一覧ページを実装する（依存: T003、T004）", ["T003", "T004"]),
            ("T012 实现连接列表页面（依赖 T002、T003）", ["T002", "T003"]),
            ("T013 Blocked by: TASK-7, TASK-9", ["TASK-7", "TASK-9"]),
            ("T014 Nettoyer (dépend de T010)", ["T010"]),
            ("T015 Aufräumen (hängt ab von T010)", ["T010"]),
            ("T016 Add testing dependencies to package.json", []),
            ("T017 Sweep (depends on T001-T999)", ["T001", "T999"]),
            ("2.3 Wire the cache _Depends: 1.2, 2.1_", ["1.2", "2.1"]),
        ])
    func dependencies(line: String, expected: [String]) {
        #expect(TaskLineParser.parse(line).dependencies == expected)
    }

    @Test("dependency fields: ranges expanded, numbers with units dropped")
    func dependencyFields() {
        #expect(DependencyText.ids(in: "T010–T012") == ["T010", "T011", "T012"])
        #expect(DependencyText.ids(in: "[39, 40]") == ["39", "40"])
        #expect(DependencyText.ids(in: "wait 2 seconds after T1") == ["T1"])
        #expect(DependencyText.ids(in: "60s cooldown") == [])
        // #16: a parenthesis after an id describes it; a value wholly in parentheses is still read.
        #expect(DependencyText.ids(in: "TODO-044 (TASK-001 OS detection module)") == ["TODO-044"])
        #expect(DependencyText.ids(in: "TODO-014 (US-001 v2 generated), TODO-031 (US-002 done)") == ["TODO-014", "TODO-031"])
        #expect(DependencyText.ids(in: "(T001, T002)") == ["T001", "T002"])
        // A bare number after a word is a version, a section or a count, never an id; in a date neither.
        #expect(DependencyText.ids(in: "PostgreSQL 15, Redis 7.2") == [])
        #expect(DependencyText.ids(in: "Section 4.2, OAuth 2.0 provider, Steps 1-3 above, PR #42") == [])
        #expect(DependencyText.ids(in: "deadline 2025-01-15") == [])
        #expect(DependencyText.ids(in: "Task 1 (schema) and approval from 2 reviewers") == ["Task 1"])
        #expect(DependencyText.ids(in: "Task 1.1, 1.2 and 1.3") == ["Task 1.1", "Task 1.2", "Task 1.3"])
        #expect(DependencyText.ids(in: "Tasks 3 and 4") == ["Task 3", "Task 4"])
        #expect(DependencyText.ids(in: "T1.1-T1.3") == ["T1.1", "T1.2", "T1.3"])
        #expect(DependencyText.ticketPrefix("HLS-006") == "HLS")
        #expect(DependencyText.ticketPrefix("T150a") == nil)
    }

    @Test(
        "status words in every built-in language",
        arguments: [
            ("completado", CanonicalStatus.done), ("concluído", .done), ("terminé", .done), ("erledigt", .done),
            ("完了", .done), ("已完成", .done), ("完成", .done), ("완료", .done), ("pendiente", .todo), ("pendente", .todo),
            ("en cours", .inProgress), ("进行中", .inProgress), ("進行中", .inProgress), ("in Bearbeitung", .inProgress),
            ("진행 중", .inProgress), ("대부분 완료", .inProgress), ("mostly complete", .inProgress),
        ])
    func statusWords(word: String, expected: CanonicalStatus) {
        #expect(StatusVocabulary.standard.status(forWord: word) == expected)
    }

    @Test("a status emoji after the words says the status; a coloured circle beside a priority word is none")
    func statusEmoji() {
        let vocabulary = StatusVocabulary.standard
        #expect(vocabulary.leadingStatus(in: "PASSING ✅") == .done)
        #expect(vocabulary.leadingStatus(in: "All ruff checks passing ✅") == .done)
        #expect(vocabulary.leadingStatus(in: "Basic UI exists, needs enhancement") == nil)
        #expect(StatusSuffix.extract(from: "Fix the login redirect 🔴 High", vocabulary: vocabulary) == nil)
        #expect(StatusSuffix.extract(from: "Polish 🟡 P2", vocabulary: vocabulary) == nil)
        #expect(StatusSuffix.extract(from: "Polish 🟡", vocabulary: vocabulary)?.status == .inProgress)
        #expect(StatusSuffix.extract(from: "セットアップ（完了）", vocabulary: vocabulary)?.status == .done)
        // A circle before words that are no status colour-codes the heading; a status after it still counts.
        #expect(StatusSuffix.extract(from: "🟢 Phase 6.3: 統合テスト (Day 4)", vocabulary: vocabulary) == nil)
        #expect(StatusSuffix.withoutColourLabel("🟢 Phase 6.3: 統合テスト (Day 4)", vocabulary: vocabulary) == "Phase 6.3: 統合テスト (Day 4)")
        #expect(StatusSuffix.extract(from: "🟢 Phase 6.3: Tests (COMPLETED)", vocabulary: vocabulary)?.status == .done)
        #expect(StatusSuffix.extract(from: "🟢 Done: Phase 6.3", vocabulary: vocabulary)?.status == .done)
    }

    @Test("configured words join the built-in ones")
    func configured() {
        let vocabulary = StatusVocabulary.standard.adding(concepts: [.phase: ["Lot"], .dependsOn: ["wartet auf"]])
        #expect(
            HeadingClassifier.classify("Lot 1: Socle", words: vocabulary.concepts) == .phase(id: "Lot 1", title: "Socle", priority: nil))
        #expect(TaskLineParser.parse("T2 API wartet auf T1", words: vocabulary.concepts).dependencies == ["T1"])
        #expect(HeadingClassifier.classify("Lot 1: Socle") == .plain)
    }
}
