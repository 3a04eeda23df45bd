//! Questions asked once for each item of a list (`for_each`): a translation for every
//! jargon term the coach flags, a time for every approach on the table. The list is read
//! again after every answer, so an item an assessment adds (a translation that brings in
//! new jargon) is asked too; an item is never asked twice, so the loop ends.

use std::path::Path;

use serde_json::{Value as Json, json};

use super::{Item, Session};
use crate::answer::Answer;
use crate::error::{Error, Result};
use crate::playbook::Question;
use crate::yaml::{self, Value};

/// A list that keeps growing with every answer is a playbook bug: stop rather than ask
/// forever.
const MAX_ITEMS: usize = 50;

impl<'c> Session<'c> {
    /// The items the question's `for_each` gives now, without repeats or blanks.
    pub(crate) fn items(&self, question: &Question) -> Result<Vec<String>> {
        let Some(expression) = &question.for_each else {
            return Ok(Vec::new());
        };
        let origin = format!("question `{}`: for_each", question.id);
        let items = self
            .templates
            .eval_items(expression, &self.context(), &origin)
            .map_err(|e| self.in_playbook(e))?;
        let mut unique: Vec<String> = Vec::new();
        for item in items {
            let item = item.trim().to_string();
            if !item.is_empty() && !unique.contains(&item) {
                unique.push(item);
            }
        }
        Ok(unique)
    }

    pub(super) fn next_item(&self, question: &Question) -> Result<Option<String>> {
        let answered = self
            .answer(&question.id)
            .and_then(Answer::as_each)
            .unwrap_or_default();
        let next = self
            .items(question)?
            .into_iter()
            .find(|item| !answered.iter().any(|(done, _)| done == item));
        if next.is_some() && answered.len() >= MAX_ITEMS {
            return Err(self.in_playbook(Error::content(format!(
                "question `{}` was asked for {MAX_ITEMS} items and its list still grows",
                question.id
            ))));
        }
        Ok(next)
    }

    /// One item with the question's prompt and help rendered for it.
    pub(super) fn item(&self, question: &Question, name: &str) -> Result<Item> {
        let context = self.context_with(Some(name));
        let render = |source: &str, field: &str| {
            self.templates
                .render_str(
                    source,
                    &context,
                    &format!("question `{}`: {field}", question.id),
                )
                .map(|text| text.trim().to_string())
                .map_err(|e| self.in_playbook(e))
        };
        Ok(Item {
            name: name.to_string(),
            prompt: render(&question.prompt, "prompt")?,
            help: question
                .help
                .as_deref()
                .map(|help| render(help, "help"))
                .transpose()?,
        })
    }

    pub(super) fn set_item(&mut self, id: &str, item: String, answer: Answer) {
        let mut pairs = self
            .answer(id)
            .and_then(Answer::as_each)
            .map(<[_]>::to_vec)
            .unwrap_or_default();
        pairs.push((item, answer));
        self.set(id, Answer::Each(pairs));
    }

    /// What a default sees: the session's context, plus `item` while one is asked.
    pub(super) fn item_context(&self, item: Option<&Item>) -> Json {
        self.context_with(item.map(|i| i.name.as_str()))
    }

    fn context_with(&self, item: Option<&str>) -> Json {
        let mut context = self.context();
        if let (Json::Object(map), Some(item)) = (&mut context, item) {
            map.insert("item".into(), json!(item));
        }
        context
    }

    /// The per-item answers of a draft being resumed, checked as if typed again.
    pub(super) fn each_from_yaml(
        &self,
        question: &Question,
        value: &Value,
        source: &Path,
    ) -> Result<Answer> {
        let problem = |message: String| {
            Error::answers(format!(
                "`{}` ({}): {message}",
                question.id, question.prompt
            ))
            .in_file(source)
        };
        let Value::Mapping(map) = value else {
            return Err(problem(format!(
                "expected one answer per item, got {}",
                yaml::describe(value)
            )));
        };
        let mut pairs = Vec::new();
        for (key, item_value) in map {
            let name = match key {
                Value::String(text) => text.clone(),
                Value::Number(n) => n.to_string(),
                other => {
                    return Err(problem(format!(
                        "items must be text, got {}",
                        yaml::describe(other)
                    )));
                }
            };
            let ask = self.resolve_item(question, Some(self.item(question, &name)?))?;
            let answer = ask
                .parse_yaml(item_value)
                .map_err(|message| problem(format!("item {name:?}: {message}")))?;
            pairs.push((name, answer));
        }
        Ok(Answer::Each(pairs))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::{AnswersFile, Prompter, Scripted, Session, Settings};
    use crate::answer::Answer;
    use crate::coach::ReviewPeriods;
    use crate::playbook::Catalog;
    use crate::yaml::{self, Value};

    fn settings() -> Settings {
        Settings {
            today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            periods: ReviewPeriods::default(),
            decision_makers: vec!["Ana".into()],
            calendar: crate::coach::WorkCalendar::default(),
            personal: crate::coach::Personal::default(),
        }
    }

    const UPDATE: &[(&str, &str)] = &[
        ("reader", ""),
        ("problem", "The monolith is slow"),
        ("impact", "Every customer waits 3 seconds"),
        ("cause_known", "yes"),
        ("fix_time", "2 days"),
        ("ongoing", ""),
        ("improvement", "pages load in 1 second instead of 3"),
        ("commitment", ""),
    ];

    /// The questions for the team, asked after the terms.
    const FOR_THE_TEAM: &[(&str, &str)] = &[("cause", ""), ("plan", ""), ("owner", "")];

    fn run(playbook: &str, typed: &[(&str, &str)]) -> (Scripted, Vec<(String, Answer)>) {
        let catalog = Catalog::embedded();
        let playbook = catalog.get(playbook).unwrap();
        let mut session = Session::new(&catalog, playbook, settings());
        let mut prompter = Scripted::new(typed);
        session.run(&mut prompter, &mut |_| Ok(())).unwrap();
        (prompter, session.answers.clone())
    }

    fn answer<'a>(answers: &'a [(String, Answer)], id: &str) -> Option<&'a Answer> {
        answers.iter().find(|(k, _)| k == id).map(|(_, a)| a)
    }

    #[test]
    fn each_flagged_term_is_asked_once_and_jargon_a_translation_brings_in_too() {
        let script: Vec<(&str, &str)> = UPDATE
            .iter()
            .copied()
            .chain([
                ("translations.monolith", "the main app behind our SLA"),
                ("translations.SLA", "promised service level"),
            ])
            .chain(FOR_THE_TEAM.iter().copied())
            .collect();
        let (prompter, answers) = run("stakeholder-update", &script);
        let asked: Vec<&str> = prompter.asked.iter().map(String::as_str).collect();
        // The terms are asked after the answers that reach the listener, before the
        // questions for the team.
        assert_eq!(
            asked[asked.len() - 5..],
            [
                "translations.monolith",
                "translations.SLA",
                "cause",
                "plan",
                "owner"
            ]
        );
        assert_eq!(
            answer(&answers, "translations"),
            Some(&Answer::Each(vec![
                (
                    "monolith".into(),
                    Answer::Text("the main app behind our SLA".into())
                ),
                ("SLA".into(), Answer::Text("promised service level".into())),
            ]))
        );
        // The verdict is shown when the terms are flagged, again when the translation
        // brings in a new one, and once more when all are translated.
        let verdicts: Vec<&str> = prompter.coached.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(
            verdicts,
            [
                "1 term to say in their words: monolith",
                "1 term to say in their words: SLA",
                "Plain language: it answers their questions",
            ]
        );
    }

    #[test]
    fn no_jargon_means_no_translation_question() {
        let plain: Vec<(&str, &str)> = UPDATE
            .iter()
            .map(|&(k, v)| {
                if k == "problem" {
                    (k, "The dashboard is slow")
                } else {
                    (k, v)
                }
            })
            .chain(FOR_THE_TEAM.iter().copied())
            .collect();
        let (prompter, answers) = run("stakeholder-update", &plain);
        assert!(
            !prompter
                .asked
                .iter()
                .any(|id| id.starts_with("translations"))
        );
        assert_eq!(answer(&answers, "translations"), None);
    }

    #[test]
    fn items_come_from_earlier_answers_and_the_prompt_names_the_item() {
        let catalog = Catalog::embedded();
        let playbook = catalog.get("disagreement").unwrap();
        let mut session = Session::new(&catalog, playbook, settings());
        let script = [
            ("topic", "how shipping hears about orders"),
            ("approaches", "Queue; Call"),
            ("approaches.Queue", "+ resilient; - more to run"),
            ("approaches.Call", "+ simple"),
            ("holders.Queue", "Priya"),
            ("holders.Call", "Tom"),
            ("argued_out", "no"),
        ];
        let mut prompter = Recording {
            inner: Scripted::new(&script),
            prompts: Vec::new(),
        };
        session.run(&mut prompter, &mut |_| Ok(())).unwrap();
        assert!(
            prompter
                .prompts
                .contains(&"Who argues for Queue?".to_string()),
            "{:?}",
            prompter.prompts
        );
        assert_eq!(
            session.answer("holders"),
            Some(&Answer::Each(vec![
                ("Queue".into(), Answer::Text("Priya".into())),
                ("Call".into(), Answer::Text("Tom".into())),
            ]))
        );
        // Not argued out: the per-approach timeline is not asked at all.
        assert_eq!(session.answer("times"), None);
        assert_eq!(session.assessments["dispute"].kind, "argue");
    }

    /// Scripted answers, keeping the prompts as the user would see them.
    struct Recording {
        inner: Scripted,
        prompts: Vec<String>,
    }

    impl Prompter for Recording {
        fn ask(
            &mut self,
            ask: &super::super::Ask<'_>,
        ) -> crate::error::Result<super::super::Reply<Answer>> {
            self.prompts.push(ask.prompt().to_string());
            self.inner.ask(ask)
        }

        fn arguments(
            &mut self,
            ask: &super::super::Ask<'_>,
            option: &crate::answer::OptionItem,
        ) -> crate::error::Result<super::super::Reply<crate::answer::OptionItem>> {
            self.inner.arguments(ask, option)
        }

        fn settle(&mut self, asks: &[super::super::Ask<'_>]) -> crate::error::Result<Vec<Answer>> {
            self.inner.settle(asks)
        }

        fn coach(
            &mut self,
            assessment: &crate::coach::Assessment,
            library: &crate::passages::Library,
        ) {
            self.inner.coach(assessment, library);
        }
    }

    #[test]
    fn a_resumed_draft_keeps_its_per_item_answers() {
        let catalog = Catalog::embedded();
        let playbook = catalog.get("stakeholder-update").unwrap();
        let mut session = Session::new(&catalog, playbook, settings());
        let draft: Value = yaml::parse_value(
            "problem: The monolith is slow\nimpact: Every customer\ncause_known: true\nfix_time: 2 days\nimprovement: 3 seconds faster\ntranslations:\n  monolith: the page\n",
            std::path::Path::new("draft.yaml"),
            crate::error::Kind::Answers,
        )
        .unwrap();
        let Value::Mapping(values) = draft else {
            panic!("a mapping")
        };
        session
            .preload(&values, std::path::Path::new("draft.yaml"))
            .unwrap();
        let mut prompter = Scripted::new(&[
            ("reader", ""),
            ("ongoing", ""),
            ("commitment", ""),
            ("cause", ""),
            ("plan", ""),
            ("owner", ""),
        ]);
        session.run(&mut prompter, &mut |_| Ok(())).unwrap();
        assert_eq!(
            prompter.asked,
            ["reader", "ongoing", "commitment", "cause", "plan", "owner"],
            "translated terms are not asked again"
        );
        assert_eq!(
            session.assessments["update"].verdict,
            "Plain language: it answers their questions"
        );
    }

    #[test]
    fn an_answers_file_gives_one_answer_per_item() {
        let dir = tempfile::tempdir().unwrap();
        let base = "playbook: stakeholder-update\nproblem: The monolith is slow\nimpact: Every customer\ncause_known: yes\nfix_time: 2 days\nimprovement: 3 seconds faster\n";
        let cases = [
            ("translations:\n  monolith: the page\n", None),
            (
                "",
                Some("missing answer for `translations` for \"monolith\""),
            ),
            (
                "translations: the page\n",
                Some("`translations` must give one answer per item, got \"the page\""),
            ),
            (
                "translations:\n  monolith: one two three four five six seven eight nine\n",
                Some("keep it to 8 words (this is 9)"),
            ),
        ];
        for (extra, expected) in cases {
            let path = dir.path().join("answers.yaml");
            std::fs::write(&path, format!("{base}{extra}")).unwrap();
            let catalog = Catalog::embedded();
            let playbook = catalog.get("stakeholder-update").unwrap();
            let mut session = Session::new(&catalog, playbook, settings());
            let mut file = AnswersFile::load(dir.path(), &path).unwrap();
            file.show_coaching = false;
            let result = session.run(&mut file, &mut |_| Ok(()));
            match expected {
                None => {
                    result.unwrap();
                    assert_eq!(
                        session.assessments["update"].facts["ready"],
                        serde_json::json!(true)
                    );
                }
                Some(message) => {
                    let error = result.unwrap_err();
                    assert_eq!(error.kind, crate::error::Kind::Answers, "{error}");
                    assert!(error.to_string().contains(message), "{error}");
                }
            }
        }
    }
}
