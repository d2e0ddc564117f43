/// The built-in words of each concept, in English, Spanish, Portuguese, French, German, Japanese, Chinese
/// (simplified and traditional) and Korean, as Spec Kit's translated templates and the plans written from them
/// use them. One place: every reader takes its words from here (through `ConceptWords`).
enum BuiltInWords {
    static let concepts: [VocabularyConcept: [String]] = [
        .userStory: [
            "User Story", "Userstory", "Story",
            "Historia de usuario", "Historia de Usuario", "Historia del usuario",
            "História de usuário", "História do usuário", "Historia de usuário",
            "Récit utilisateur", "Histoire utilisateur", "Récit d'utilisateur",
            "Benutzergeschichte", "Anwendergeschichte", "Nutzergeschichte",
            "ユーザーストーリー", "ユーザストーリー", "ストーリー",
            "用户故事", "使用者故事", "用戶故事",
            "사용자 스토리", "유저 스토리", "사용자스토리",
        ],
        .phase: [
            "Phase", "Stage", "Milestone", "Sprint", "Iteration",
            "Fase", "Etapa", "Hito", "Étape", "Jalon", "Etappe", "Meilenstein",
            "フェーズ", "段階", "阶段", "階段", "단계", "페이즈",
        ],
        .dependsOn: [
            "Depends on", "Depends", "Dependencies", "Dependency", "Deps", "Blocked by", "Blocked on", "Requires",
            "Prerequisites", "After", "Needs",
            "Depende de", "Dependencias", "Dependencia", "Bloqueado por", "Requiere", "Después de",
            "Dependências", "Dependência", "Requer", "Depois de", "Após",
            "Dépend de", "Dépendances", "Dépendance", "Bloqué par", "Nécessite", "Après",
            "Hängt ab von", "Abhängig von", "Abhängigkeiten", "Abhängigkeit", "Blockiert durch", "Benötigt", "Nach",
            "依存関係", "依存", "前提タスク",
            "依赖于", "依赖", "前置任务", "依賴於", "依賴", "相依於", "相依",
            "의존성", "의존", "선행 작업",
        ],
        .priority: [
            "Priority", "Prioridad", "Prioridade", "Priorité", "Priorität",
            "優先度", "优先级", "優先級", "優先順位", "우선순위",
        ],
        .acceptance: [
            "Acceptance", "Escenarios de aceptación", "Criterios de aceptación", "Cenários de aceitação",
            "Critérios de aceitação", "Critérios de aceite", "Scénarios d'acceptation", "Critères d'acceptation",
            "Akzeptanzszenarien", "Akzeptanzkriterien", "受け入れシナリオ", "受け入れ基準", "受入基準",
            "验收场景", "验收标准", "驗收場景", "驗收標準", "인수 시나리오", "수락 시나리오", "인수 조건", "수락 기준",
        ],
        .given: [
            "Given", "Dado que", "Dado", "Dada", "Étant donné que", "Étant donné", "Soit", "Gegeben sei", "Gegeben",
            "前提", "给定", "假设", "假如", "給定", "假設", "조건", "주어진",
        ],
        .when: ["When", "Cuando", "Quando", "Quand", "Lorsque", "Wenn", "もし", "当", "當", "만약", "언제"],
        .then: ["Then", "Entonces", "Então", "Alors", "Dann", "ならば", "那么", "然后", "那麼", "然後", "그러면", "그럼"],
        .and: ["And", "But", "Y", "E", "Et", "Und", "かつ", "而且", "并且", "並且", "그리고"],
        .requirements: [
            "Requirements", "Requisitos", "Exigences", "Anforderungen", "要件", "需求", "요구사항", "요구 사항",
        ],
        .successCriteria: [
            "Success Criteria", "Criterios de éxito", "Criterios de exito", "Critérios de sucesso",
            "Critères de succès", "Critères de réussite", "Erfolgskriterien", "成功基準", "成功の基準",
            "成功标准", "成功指标", "成功標準", "成功指標", "성공 기준",
        ],
        .userScenarios: [
            "User Scenarios", "Escenarios de usuario", "Cenários de usuário", "Scénarios utilisateur",
            "Benutzerszenarien", "ユーザーシナリオ", "用户场景", "使用者情境", "使用者場景", "用戶場景",
            "사용자 시나리오",
        ],
        .summary: [
            "Summary", "Resumen", "Resumo", "Résumé", "Zusammenfassung", "サマリー", "概要", "摘要", "概述",
            "總結", "总结", "요약",
        ],
        .technicalContext: [
            "Technical Context", "Contexto técnico", "Contexte technique", "Technischer Kontext",
            "技術コンテキスト", "技術的コンテキスト", "技术上下文", "技术背景", "技術背景", "技術上下文", "기술 컨텍스트",
            "기술 맥락",
        ],
    ]

    /// The English name of a section a layout requires, and the concept whose words translate it.
    static let sectionConcepts: [String: VocabularyConcept] = [
        "requirements": .requirements, "successcriteria": .successCriteria, "userscenarios": .userScenarios,
        "summary": .summary, "technicalcontext": .technicalContext,
    ]
}
