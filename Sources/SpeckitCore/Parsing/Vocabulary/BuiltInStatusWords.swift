/// The built-in status words and emoji of every supported language, by the status they name.
enum BuiltInStatusWords {
    static let words: [(CanonicalStatus, [String])] = [
        (
            .todo,
            [
                "todo", "to do", "not started", "pending", "open", "planned", "new", "backlog", "not done",
                "queued", "upcoming", "ready", "unstarted", "incomplete",
                "pendiente", "por hacer", "sin empezar", "no iniciado", "planificado",
                "pendente", "a fazer", "não iniciado", "planejado",
                "à faire", "a faire", "en attente", "non commencé", "prévu",
                "offen", "ausstehend", "geplant", "nicht begonnen", "zu erledigen",
                "未着手", "未完了", "未対応", "予定", "待ち",
                "待办", "待處理", "待处理", "未开始", "未開始", "待辦", "计划中", "計劃中",
                "할 일", "대기", "대기 중", "미완료", "미착수", "예정",
            ]
        ),
        (
            .inProgress,
            [
                "in progress", "inprogress", "partially complete", "partially completed", "partial",
                "partially implemented", "partially done", "started", "ongoing", "wip", "work in progress",
                "active", "doing", "underway", "running", "in development", "implementing",
                "en progreso", "en curso", "en desarrollo", "parcial",
                "em andamento", "em progresso", "em desenvolvimento", "em curso",
                "en cours", "commencé", "partiel",
                "in bearbeitung", "in arbeit", "läuft", "begonnen", "teilweise",
                "進行中", "作業中", "対応中", "実装中", "着手中", "一部完了",
                "进行中", "处理中", "處理中", "开发中", "開發中", "部分完成",
                "진행 중", "진행중", "작업 중", "부분 완료",
                // "Mostly done" is not done.
                "mostly complete", "mostly completed", "mostly done", "nearly complete", "nearly done", "almost done",
                "almost complete", "casi completo", "casi terminado", "mayormente completado", "quase concluído",
                "quase pronto", "presque terminé", "fast fertig", "größtenteils erledigt", "ほぼ完了", "大部分完了",
                "基本完成", "大部分完成", "大致完成", "대부분 완료", "거의 완료",
            ]
        ),
        (
            .review,
            [
                "review", "in review", "needs review", "awaiting review", "ready for review", "under review",
                "en revisión", "em revisão", "en revue", "in prüfung", "im review",
                "レビュー中", "レビュー待ち", "审核中", "審核中", "审查中", "審查中", "검토 중", "리뷰 중",
            ]
        ),
        (
            .blocked,
            [
                "blocked", "waiting", "stuck", "bloqueado", "bloqueada", "bloqué", "bloquée", "blockiert",
                "ブロック", "ブロック中", "阻塞", "受阻", "被阻塞", "차단", "차단됨", "막힘",
            ]
        ),
        (
            .deferred,
            [
                "deferred", "postponed", "paused", "on hold", "later", "parked", "future", "descoped",
                "pospuesto", "aplazado", "en pausa", "adiado", "em pausa", "reporté", "en pause",
                "verschoben", "zurückgestellt", "pausiert",
                "保留", "保留中", "延期", "後回し", "推迟", "暂缓", "延後", "暫緩", "보류", "연기",
            ]
        ),
        (
            .done,
            [
                "done", "complete", "completed", "finished", "shipped", "resolved", "closed", "implemented", "reached",
                "achieved",
                "delivered", "merged", "verified", "released", "fixed", "accepted", "passing", "passed",
                "completado", "completada", "hecho", "hecha", "terminado", "terminada", "finalizado", "finalizada",
                "implementado", "implementada", "resuelto",
                "concluído", "concluída", "concluido", "feito", "feita", "completo", "completa", "pronto",
                "terminé", "terminée", "fait", "faite", "achevé", "achevée", "réalisé", "fini",
                "erledigt", "fertig", "abgeschlossen", "umgesetzt", "implementiert",
                "完了", "完了済み", "済み", "済", "実装済み", "対応済み", "完成",
                "已完成", "已实现", "已實現", "已实作", "已實作", "已解决", "已解決", "完毕", "完畢",
                "완료", "완료됨", "구현 완료", "해결됨",
            ]
        ),
        (
            .cancelled,
            [
                "cancelled", "canceled", "dropped", "abandoned", "won't do", "wont do", "won't fix",
                "wontfix", "obsolete", "skipped", "removed", "superseded",
                "cancelado", "cancelada", "descartado", "annulé", "annulée", "abgebrochen", "verworfen", "entfällt",
                "中止", "キャンセル", "取消", "已取消", "取り消し", "취소", "취소됨",
            ]
        ),
        (.failed, ["failed", "failing", "broken", "error", "fallido", "falhou", "échoué", "fehlgeschlagen", "失敗", "失败", "실패"]),
    ]

    static let emoji: [String: CanonicalStatus] = [
        "✅": .done, "✔": .done, "☑": .done, "🟢": .done, "🎉": .done,
        "⏳": .inProgress, "🔄": .inProgress, "🚧": .inProgress, "🏗": .inProgress, "🟡": .inProgress,
        "⌛": .inProgress, "🔨": .inProgress,
        "❌": .todo, "⬜": .todo, "☐": .todo, "🔲": .todo, "⭕": .todo,
        "🔒": .blocked, "⛔": .blocked, "🚫": .blocked, "🛑": .blocked, "🔴": .blocked,
        "⏸": .deferred, "💤": .deferred,
        "👀": .review, "🔍": .review,
        "🗑": .cancelled,
        "💥": .failed,
    ]

    /// Coloured circles that also mark priorities (`🔴 High`, `🟡 P2`): a status only when no priority
    /// word stands beside them.
    static let priorityColours: Set<String> = ["🔴", "🟠", "🟡", "🟢", "🔵", "⚪", "⚫"]

    /// Words that make a coloured circle a priority: `High`, `Medium`, `Low`, `Critical`, `P0`…`P4`, and the
    /// priority words of every language.
    static let priorityWords: Set<String> = [
        "high", "medium", "low", "critical", "urgent", "major", "minor", "normal", "mid", "moderate",
        "p0", "p1", "p2", "p3", "p4", "priority", "must", "should", "could",
        "alta", "media", "baja", "média", "baixa", "haute", "moyenne", "basse", "hoch", "mittel", "niedrig", "kritisch",
        "高", "中", "低", "優先度", "优先级", "優先級", "높음", "중간", "낮음",
    ]
}
