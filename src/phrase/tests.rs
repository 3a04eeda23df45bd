//! The phrasing rules, table by table: each row a phrase as a lead writes it and as a
//! message says it.

use super::*;

fn names(text: &str) -> Names {
    let mut names = Names::default();
    names.learn(text);
    names
}

#[test]
fn a_title_names_what_was_decided() {
    let mut known = names(
        "We move our twelve services into one monorepo.\n* Stripe\n* Searchly\nWe ask Searchly.",
    );
    known.options(["Stripe", "Searchly"]);
    let cases: &[(&str, Kind, &str)] = &[
        (
            "Choose the database for the orders service",
            Kind::Thing,
            "the database for the orders service",
        ),
        (
            "Choose a vendor for order search",
            Kind::Thing,
            "a vendor for order search",
        ),
        (
            "Pick the component library for the settings page",
            Kind::Thing,
            "the component library for the settings page",
        ),
        (
            "Choose how we run the weekly demo",
            Kind::Question,
            "how we run the weekly demo",
        ),
        (
            "Decide whether we move to a monorepo",
            Kind::Question,
            "whether we move to a monorepo",
        ),
        (
            "Decide on the release cadence",
            Kind::Thing,
            "the release cadence",
        ),
        (
            "Rewrite or refactor the checkout service",
            Kind::Question,
            "whether to rewrite or refactor the checkout service",
        ),
        (
            "Hire a permanent SRE or bring in a contractor",
            Kind::Question,
            "whether to hire a permanent SRE or bring in a contractor",
        ),
        (
            "Monorepo vs polyrepo",
            Kind::Question,
            "between monorepo and polyrepo",
        ),
        ("Use MADR", Kind::Action, "use MADR"),
        (
            "Use PostgreSQL for persistence",
            Kind::Action,
            "use PostgreSQL for persistence",
        ),
        (
            "Record architecture decisions",
            Kind::Action,
            "record architecture decisions",
        ),
        (
            "Partition the orders table",
            Kind::Action,
            "partition the orders table",
        ),
        (
            "How should we version the API?",
            Kind::Question,
            "how should we version the API",
        ),
        ("Message broker", Kind::Topic, "the message broker"),
        ("the weekly release", Kind::Topic, "the weekly release"),
        ("Stripe fees", Kind::Topic, "Stripe fees"),
    ];
    for (title, kind, text) in cases {
        let got = subject(title, &known);
        assert_eq!((got.kind, got.text.as_str()), (*kind, *text), "{title}");
    }
}

#[test]
fn a_title_no_sentence_can_take_in_is_named_as_written() {
    let known = names("We build on Go tooling. The ledger keeps balances in cents.");
    let cases: &[(&str, Kind, &str)] = &[
        // A colon: lower case mid-sentence would garble it.
        (
            "Storage tier: Cold Archive",
            Kind::Title,
            "\"Storage tier: Cold Archive\"",
        ),
        // What says it is a record goes; the rest is read as any title.
        ("ADR: Use the ledger", Kind::Action, "use the ledger"),
        (
            "Architecture Decision Record: Ledger Rounding",
            Kind::Title,
            "\"Ledger Rounding\"",
        ),
        // An activity, a plural or two things joined take no "the"; one thing does.
        ("ADR-12: ledger rounding", Kind::Topic, "ledger rounding"),
        ("Logins and roles", Kind::Topic, "logins and roles"),
        (
            "Composition over inheritance",
            Kind::Topic,
            "composition over inheritance",
        ),
        ("Sign-up form", Kind::Topic, "the sign-up form"),
        // Title Case that "the" and lower case would make "the ledger Rounding Rules".
        (
            "Ledger Rounding Rules",
            Kind::Title,
            "\"Ledger Rounding Rules\"",
        ),
        // A question without a question word, and a sentence of its own.
        (
            "Should we keep cents?",
            Kind::Title,
            "\"Should we keep cents?\"",
        ),
        (
            "The ledger should own rounding",
            Kind::Title,
            "\"The ledger should own rounding\"",
        ),
        // A name the record writes with a capital is not a verb; a verb before "of" is
        // a noun; a hyphenated first word lowers like any other.
        ("Go tooling versions", Kind::Topic, "Go tooling versions"),
        ("Use of the ledger", Kind::Topic, "the use of the ledger"),
        ("Non-zero balances", Kind::Topic, "non-zero balances"),
        // A word that is as often a verb as a noun, before more words: as written.
        (
            "Check ledger totals nightly",
            Kind::Title,
            "\"Check ledger totals nightly\"",
        ),
        // An aside in brackets, or a long title.
        (
            "Ledger rounding (cents)",
            Kind::Title,
            "\"Ledger rounding (cents)\"",
        ),
    ];
    for (title, kind, text) in cases {
        let got = subject(title, &known);
        assert_eq!((got.kind, got.text.as_str()), (*kind, *text), "{title}");
    }
    let title = subject("Storage tier: Cold Archive", &known);
    let lines = lines(&title, None, None, None, None);
    assert_eq!(
        lines.decision_name,
        "the decision \"Storage tier: Cold Archive\""
    );
    assert_eq!(
        lines.proposal_name,
        "the proposal \"Storage tier: Cold Archive\""
    );
    assert_eq!(
        lines.deciding,
        "We haven't decided on \"Storage tier: Cold Archive\" yet"
    );
}

#[test]
fn an_option_takes_its_place_in_a_sentence() {
    let known = names("We move our twelve services into one monorepo.\n* Stripe");
    let cases: &[(&str, &str, bool)] = &[
        ("PostgreSQL", "PostgreSQL", false),
        ("Vendor A", "Vendor A", false),
        ("Google Cloud", "Google Cloud", false),
        ("Stripe", "Stripe", false),
        ("MUI", "MUI", false),
        ("Monorepo", "a monorepo", false),
        ("Direct API call", "a direct API call", false),
        ("Plain text", "plain text", false),
        ("JSON lines", "JSON lines", false),
        ("Hosted flags", "hosted flags", false),
        ("Flags in our config", "flags in our config", false),
        (
            "Contractor for six months",
            "a contractor for six months",
            false,
        ),
        ("Rotating presenter", "a rotating presenter", false),
        ("Event queue", "an event queue", false),
        ("Refactor in place", "refactor in place", true),
        ("Keep polyrepo", "keep polyrepo", true),
        (
            "extend the contract by three months",
            "extend the contract by three months",
            true,
        ),
        ("Delegate it to Sam", "delegate it to Sam", true),
        ("release-please", "release-please", false),
        ("Load balancer", "a load balancer", false),
        ("Document store", "a document store", false),
        (
            "Kafka on our own servers",
            "Kafka on our own servers",
            false,
        ),
        ("Permanent hire", "a permanent hire", false),
        ("Managed queue", "a managed queue", false),
        // A list's capital on a common word goes mid-sentence: "switch to a read replica".
        ("Read replica", "a read replica", false),
        ("Data warehouse", "a data warehouse", false),
        ("Primary database", "a primary database", false),
        (
            "The platform key-value store",
            "the platform key-value store",
            false,
        ),
        ("A managed queue", "a managed queue", false),
        ("Searchly", "Searchly", false),
        // A capital that only starts the list item goes; a product keeps its own.
        ("Device database", "a device database", false),
        ("Browser cache", "a browser cache", false),
        ("Kafka cluster", "a Kafka cluster", false),
        ("Stripe billing", "Stripe billing", false),
    ];
    for (name, text, action) in cases {
        let got = choice(name, &known);
        assert_eq!((got.text.as_str(), got.action), (*text, *action), "{name}");
    }
}

#[test]
fn the_bottom_line_says_the_decision_first() {
    let known = Names::default();
    let line = |title: &str, option: &str| {
        let subject = subject(title, &known);
        let choice = choice(option, &known);
        lines(&subject, Some(&choice), None, None, None).decided
    };
    let cases = [
        (
            "Choose the database for the orders service",
            "PostgreSQL",
            "We've chosen PostgreSQL as the database for the orders service",
        ),
        (
            "Choose a vendor for order search",
            "Vendor A",
            "We've chosen Vendor A as the vendor for order search",
        ),
        (
            "Choose how we run the weekly demo",
            "Rotating presenter",
            "We've decided how we run the weekly demo: a rotating presenter",
        ),
        (
            "Rewrite or refactor the checkout service",
            "Refactor in place",
            "On whether to rewrite or refactor the checkout service, we'll refactor in place",
        ),
        (
            "Monorepo vs polyrepo",
            "Monorepo",
            "Between monorepo and polyrepo, we've chosen Monorepo",
        ),
        ("Use MADR", "MADR 4.0.0", "We've decided to use MADR"),
        (
            "Use a structured log format",
            "JSON lines",
            "We've decided to use a structured log format: JSON lines",
        ),
        (
            "Choose the migration path",
            "Rewrite from scratch",
            "We've chosen the migration path: we'll rewrite from scratch",
        ),
    ];
    for (title, option, expected) in cases {
        assert_eq!(line(title, option).as_deref(), Some(expected), "{title}");
    }
    let nygard = lines(
        &subject("Use PostgreSQL for persistence", &known),
        None,
        None,
        Some("We will migrate orders to PostgreSQL 9.6. It takes a quarter."),
        None,
    );
    assert_eq!(
        nygard.decided.as_deref(),
        Some("We will migrate orders to PostgreSQL 9.6")
    );
}

#[test]
fn a_proposal_says_what_is_chosen_by_when() {
    let known = Names::default();
    let cases = [
        (
            "Choose a vendor for order search",
            Some("Friday 11 December"),
            "We'll choose a vendor for order search by Friday 11 December",
        ),
        (
            "Choose how we run the weekly demo",
            Some("Friday 11 December"),
            "We'll decide how we run the weekly demo by Friday 11 December",
        ),
        (
            "Use PostgreSQL for persistence",
            Some("Friday 11 December"),
            "We'll decide whether to use PostgreSQL for persistence by Friday 11 December",
        ),
        (
            "Choose a vendor for order search",
            None,
            "We haven't chosen a vendor for order search yet",
        ),
    ];
    for (title, date, expected) in cases {
        let got = lines(&subject(title, &known), None, None, None, date);
        assert_eq!(got.deciding, expected, "{title}");
    }
    let lean = |title: &str, option: &str| {
        let choice = choice(option, &known);
        lines(&subject(title, &known), None, Some(&choice), None, None).leaning
    };
    assert_eq!(
        lean("Choose a vendor for order search", "Vendor A").as_deref(),
        Some("We lean towards Vendor A as the vendor for order search")
    );
    assert_eq!(
        lean(
            "Rewrite or refactor the checkout service",
            "Refactor in place"
        )
        .as_deref(),
        Some(
            "On whether to rewrite or refactor the checkout service, our leaning is to refactor in place"
        )
    );
}

#[test]
fn pros_and_cons_read_as_sentences() {
    let cases: &[(&str, Shape, &str, &str)] = &[
        (
            "the team already runs it for billing",
            Shape::Clause,
            "the team already runs it for billing",
            "we already run it for billing",
        ),
        (
            "transactions across orders and payments",
            Shape::Noun,
            "of transactions across orders and payments",
            "we get transactions across orders and payments",
        ),
        (
            "can start in two weeks",
            Shape::Predicate,
            "it can start in two weeks",
            "it can start in two weeks",
        ),
        (
            "already hosts our billing",
            Shape::Predicate,
            "it already hosts our billing",
            "it already hosts our billing",
        ),
        (
            "costs about 40% more per month",
            Shape::Predicate,
            "it costs about 40% more per month",
            "it costs about 40% more per month",
        ),
        (
            "no long-term headcount",
            Shape::Noun,
            "there is no long-term headcount",
            "there is no long-term headcount",
        ),
        (
            "schema migrations need planning",
            Shape::Clause,
            "schema migrations need planning",
            "schema migrations need planning",
        ),
        (
            "the query syntax we already use",
            Shape::Noun,
            "of the query syntax we already use",
            "we get the query syntax we already use",
        ),
        (
            "nobody on the team has run it in production",
            Shape::Clause,
            "nobody on the team has run it in production",
            "none of us has run it in production",
        ),
        (
            "every step ships to customers",
            Shape::Clause,
            "every step ships to customers",
            "every step ships to customers",
        ),
        (
            "builds knowledge in the team",
            Shape::Predicate,
            "it builds knowledge in the team",
            "it builds knowledge in our team",
        ),
        (
            "heavy bundle",
            Shape::Noun,
            "of heavy bundle",
            "we get heavy bundle",
        ),
        (
            "a 30% discount on a three-year commitment",
            Shape::Noun,
            "of a 30% discount on a three-year commitment",
            "we get a 30% discount on a three-year commitment",
        ),
    ];
    for (text, expected, because, gained) in cases {
        assert_eq!(shape(text), *expected, "{text}");
        assert_eq!(after_because(text), *because, "{text}");
        if after_because(text).starts_with("of ") {
            assert_eq!(from_because(&after_because(text)), *text, "{text}");
        }
        assert_eq!(gain(text), *gained, "{text}");
    }
}

/// Left as written when it could be a clause: nothing is made worse.
#[test]
fn what_could_be_a_clause_is_left_as_written() {
    for text in [
        "an exclusive lock on the log directory serialises numbering on one machine",
        "edits use the same temporary file and an atomic rename",
        "each team releases on its own",
        "what the user named, widely used",
        "diverged from serde_yaml with its own direction",
        "archived upstream; no fixes will come",
        "hiring takes three to four months",
        "pay as you go",
        "schema changes ripple to three services",
        "strict undefined mode turns a misspelt variable into an error",
        "tests exercise the real widgets",
        "templates load at run time from strings",
        "conditions, defaults and coaching drift between the two",
        "monthly contract",
        "pulls in many more crates",
    ] {
        assert_eq!(shape(text), Shape::Clause, "{text}");
        assert_eq!(after_because(text), text, "{text}");
    }
}

#[test]
fn adjectives_and_missing_things_read_as_sentences() {
    assert_eq!(watch("heavy bundle"), "the bundle is heavy");
    assert_eq!(watch("of a heavy bundle"), "the bundle is heavy");
    assert_eq!(watch("costly migrations"), "the migrations are costly");
    assert_eq!(
        watch("expensive licence renewal"),
        "expensive licence renewal"
    );
    assert_eq!(
        after_because("no sections for options, pros and cons"),
        "there are no sections for options, pros and cons"
    );
    assert_eq!(
        after_because("trivially machine-readable"),
        "it is trivially machine-readable"
    );
    assert_eq!(
        after_because("also Jinja-like and mature"),
        "it is also Jinja-like and mature"
    );
    assert_eq!(
        after_because("unpleasant to read and review as prose"),
        "it is unpleasant to read and review as prose"
    );
    assert_eq!(
        after_because("a fork with its own releases"),
        "of a fork with its own releases"
    );
    assert_eq!(after_because("managed"), "it is managed");
    assert_eq!(after_because("ties us to AWS"), "it ties us to AWS");
    assert_eq!(after_because("Kafka"), "Kafka");
    assert_eq!(gain("cheap"), "it is cheap");
    assert_eq!(
        gain("typo-tolerant out of the box"),
        "it is typo-tolerant out of the box"
    );
    assert_eq!(
        after_because("cheaper at our volume"),
        "it is cheaper at our volume"
    );
    assert_eq!(
        watch("slower for large carts"),
        "it is slower for large carts"
    );
    assert_eq!(watch("no EU region yet"), "there is no EU region yet");
    // A pro or con a MADR record wrote after "because of" loses the "of".
    assert_eq!(watch("of a three-year contract"), "a three-year contract");
    assert_eq!(
        gain("of the query syntax we already use"),
        "we get the query syntax we already use"
    );
}

#[test]
fn the_team_is_we() {
    let cases = [
        (
            "the team already operates it and it gives us transactions",
            "we already operate it and it gives us transactions",
        ),
        ("the team knows the API", "we know the API"),
        ("The team has no on-call", "We have no on-call"),
        ("the team's budget", "our budget"),
        (
            "it frees the team for features",
            "it frees our team for features",
        ),
        ("the team can ship in March", "we can ship in March"),
        ("no team here", "no team here"),
    ];
    for (text, expected) in cases {
        assert_eq!(ours(text), expected, "{text}");
    }
}

#[test]
fn a_list_item_goes_on_a_sentence_in_lower_case_unless_it_is_a_name() {
    let mut known = names("* Searchly\n* FindKit\nWe ask Kubernetes.");
    known.options(["Searchly", "FindKit"]);
    let cases = [
        (
            "Peak write load for the spring campaign",
            "peak write load for the spring campaign",
        ),
        (
            "Whether the contract has an exit clause",
            "whether the contract has an exit clause",
        ),
        (
            "Searchly's price at our query volume",
            "Searchly's price at our query volume",
        ),
        ("EU data residency", "EU data residency"),
        ("Kubernetes setup", "Kubernetes setup"),
        ("exit terms", "exit terms"),
    ];
    for (text, expected) in cases {
        assert_eq!(known.mid_sentence(text), expected, "{text}");
    }
}

#[test]
fn a_plan_reads_after_we_will_or_is_a_thing() {
    let cases = [
        (
            "keep polyrepo and automate the upgrades",
            Some("keep polyrepo and automate the upgrades"),
        ),
        (
            "Refund the 40 customers by Friday.",
            Some("refund the 40 customers by Friday"),
        ),
        (
            "We'll switch to the event queue",
            Some("switch to the event queue"),
        ),
        ("we will move to Kafka", Some("move to Kafka")),
        ("the event queue", None),
        ("Event queue", None),
        ("refunds for the 40 customers", None),
        ("", None),
    ];
    for (text, plan) in cases {
        assert_eq!(as_plan(text).as_deref(), plan, "{text:?}");
    }
}

#[test]
fn approaches_read_right_inside_a_sentence() {
    let cases = [
        ("Monorepo", "Monorepo"),
        ("Kafka", "Kafka"),
        ("Direct API call", "the direct API call approach"),
        ("Plain text", "the plain text approach"),
        (
            "Payment provider vault",
            "the payment provider vault approach",
        ),
        ("Stripe Checkout", "the Stripe Checkout approach"),
        ("The event queue", "the event queue"),
        ("Approach A", "Approach A"),
        ("Keep polyrepo", "\"Keep polyrepo\""),
        ("", ""),
    ];
    for (name, phrase) in cases {
        assert_eq!(crate::phrase::approach(name), phrase, "{name:?}");
    }
}

#[test]
fn a_first_step_does_not_say_first_twice() {
    let cases = [
        (
            "move one low-traffic read path first, behind a feature flag",
            "move one low-traffic read path, behind a feature flag",
        ),
        ("First, copy the data", "copy the data"),
        ("try it on staging first", "try it on staging"),
        ("try it first and then roll out", "try it and then roll out"),
        ("write the first test", "write the first test"),
        (
            "ship the first slice, then measure",
            "ship the first slice, then measure",
        ),
        (
            "first-class support for queues",
            "first-class support for queues",
        ),
        ("fix the firstname field", "fix the firstname field"),
    ];
    for (text, expected) in cases {
        assert_eq!(step(text), expected, "{text:?}");
    }
}

#[test]
fn a_pro_the_reason_already_gave_is_known() {
    let because =
        "the team already operates it and it gives us transactions across orders and payments";
    let cases = [
        ("transactions across orders and payments", true),
        ("of transactions across orders and payments", true),
        ("the team already runs it for billing", false),
        ("schema migrations need planning", false),
        ("", false),
    ];
    for (item, expected) in cases {
        assert_eq!(said_in(item, because), expected, "{item:?}");
    }
}

#[test]
fn a_reason_leaves_out_what_is_said_beside_it() {
    let effect = "the new link to shipping is ready in 1 week instead of 3 weeks; while \
                  shipping is down, orders wait";
    let cases = [
        (
            "it's simpler, we can ship it in 1 week instead of 3 weeks, and it's easier to change later",
            "it's simpler and it's easier to change later",
        ),
        (
            "we can ship it in 1 week instead of 3 weeks, and it's simpler",
            "it's simpler",
        ),
        ("it's ready in 1 week instead of 3 weeks", ""),
        // Nothing said twice: the reason as the lead wrote it.
        (
            "it's simpler, it's cheaper, and the team knows it",
            "it's simpler, it's cheaper, and the team knows it",
        ),
        ("", ""),
    ];
    for (reason, expected) in cases {
        assert_eq!(reason_beyond(reason, effect), expected, "{reason:?}");
    }
}

#[test]
fn a_cost_is_told_from_other_cons() {
    let cases = [
        ("costs about 40% more per month", true),
        ("the most expensive list price", true),
        ("a €2,000 monthly bill", true),
        ("their licence grows with our traffic", true),
        ("nobody on the team has run it", false),
        ("heavy bundle", false),
        ("costume party", false),
    ];
    for (text, expected) in cases {
        assert_eq!(is_money(text), expected, "{text:?}");
    }
}

#[test]
fn a_finding_that_corrects_a_figure() {
    let pair = |new: &str, old: &str| Some((new.to_string(), old.to_string()));
    let cases = [
        (
            "The negotiated discount is 22%, not 30%.",
            pair("22%", "30%"),
        ),
        ("It costs 12k instead of 8k a month", pair("12k", "8k")),
        ("The quote is not 30% but 22%", pair("22%", "30%")),
        (
            "Latency went down from 400ms to 120ms",
            pair("120ms", "400ms"),
        ),
        ("Headcount is 4, up from 3", pair("4", "3")),
        ("We need 3 people rather than 2", pair("3 people", "2")),
        (
            "The exit clause costs 3 months of fees, not 1 month.",
            pair("3 months", "1 month"),
        ),
        // Nothing corrected: no figure, or the same one.
        ("The vendor is not ready yet", None),
        ("Egress is not in the quote; 3 options remain", None),
        ("It is 30%, not 30%", None),
        ("The discount is 22%", None),
    ];
    for (text, expected) in cases {
        assert_eq!(corrected_figure(text), expected, "{text:?}");
    }
}

#[test]
fn a_record_s_decision_starts_its_sentence_with_a_capital() {
    let cases = [
        ("restructure the votes", "Restructure the votes"),
        ("We split the tables", "We split the tables"),
        (
            "npm workspaces for every package",
            "npm workspaces for every package",
        ),
        ("gRPC between the services", "gRPC between the services"),
        ("iOS first, then Android", "iOS first, then Android"),
        ("`cargo-deny` in CI", "`cargo-deny` in CI"),
        ("", ""),
    ];
    for (text, expected) in cases {
        assert_eq!(sentence_case(text), expected, "{text:?}");
    }
}

#[test]
fn a_title_that_is_the_choice_is_said_once() {
    let cases = [
        (
            Kind::Topic,
            "Adopt FusionCache",
            "adopt FusionCache",
            true,
            "We've decided to adopt FusionCache",
        ),
        (Kind::Title, "Kafka", "Kafka", false, "We've chosen Kafka"),
        (
            Kind::Topic,
            "caching",
            "adopt FusionCache",
            true,
            "On caching, we'll adopt FusionCache",
        ),
    ];
    for (kind, subject, choice, action, expected) in cases {
        let subject = Subject {
            kind,
            text: subject.to_string(),
        };
        let choice = Choice {
            text: choice.to_string(),
            action,
        };
        let the = definite(&subject.text);
        assert_eq!(
            decided_line(&subject, &choice, &the),
            expected,
            "{subject:?}"
        );
    }
}

/// Inserted into a question, an answer's first word keeps its capital only as a name:
/// by its form, as a possessive, as a day or month, or as the lead writes it elsewhere.
#[test]
fn an_answer_inserted_among_the_lead_s_answers_is_lowered_unless_a_name() {
    let names = lead_names(
        [
            "Peak write load for the spring campaign",
            "Whether billing can share the cluster",
            "the Payments team signs off",
            "Joao",
            "Searchly",
        ],
        ["PostgreSQL", "Stripe Checkout", "Event queue"],
    );
    let cases = [
        (
            "Peak write load for the spring campaign",
            "peak write load for the spring campaign",
        ),
        ("Whether billing can share", "whether billing can share"),
        (
            "Latency on our own catalogue",
            "latency on our own catalogue",
        ),
        ("Payments sign-off", "Payments sign-off"),
        ("Joao's estimate", "Joao's estimate"),
        ("Searchly pricing", "Searchly pricing"),
        ("Stripe fees", "Stripe fees"),
        ("Event volume", "event volume"),
        ("AWS pricing", "AWS pricing"),
        ("PostgreSQL licence", "PostgreSQL licence"),
        ("March traffic", "March traffic"),
        ("Friday's release", "Friday's release"),
        ("I think so", "I think so"),
        ("peak write load", "peak write load"),
    ];
    for (text, expected) in cases {
        assert_eq!(inserted_among(text, &names), expected, "{text:?}");
    }
    // Learnt only from the lead's answers: "Peak" starts its answer, so it is no name.
    assert!(!names.contains("peak"), "{names:?}");
    // Written elsewhere with a capital mid-sentence, it is one.
    let names = lead_names(["we measure the Peak load weekly"], []);
    assert_eq!(
        inserted_among("Peak load in March", &names),
        "Peak load in March"
    );
}

#[test]
fn an_answer_inserted_mid_question_is_lowered_unless_a_name() {
    let cases = [
        (
            "Whether fulfilment needs strict ordering",
            "whether fulfilment needs strict ordering",
        ),
        (
            "Whether the auditors accept 30 days of retention",
            "whether the auditors accept 30 days of retention",
        ),
        ("The price at our volume", "the price at our volume"),
        ("Managed queue price", "managed queue price"),
        (
            "Searchly's price at our volume",
            "Searchly's price at our volume",
        ),
        ("AWS pricing", "AWS pricing"),
        ("PostgreSQL licence", "PostgreSQL licence"),
        ("peak write load", "peak write load"),
    ];
    for (text, expected) in cases {
        assert_eq!(inserted(text), expected, "{text:?}");
    }
}

/// MADR's "Good, because {argument}" only where "because" can take the argument; a
/// fragment is said after a colon.
#[test]
fn a_pro_or_con_reads_as_a_sentence_in_the_record() {
    let cases = [
        ("pay as you go", "Good, because we pay as we go"),
        ("pay per message", "Good, because we pay per message"),
        (
            "two of us ran it before",
            "Good, because two of us ran it before",
        ),
        (
            "transactions across orders and payments",
            "Good, because of transactions across orders and payments",
        ),
        (
            "the team already runs it for billing",
            "Good, because the team already runs it for billing",
        ),
        (
            "schema migrations need planning",
            "Good, because schema migrations need planning",
        ),
        (
            "builds knowledge in the team",
            "Good, because it builds knowledge in the team",
        ),
        ("monthly contract", "Good, because of a monthly contract"),
        (
            "builds get slower without caching",
            "Good, because builds get slower without caching",
        ),
        ("transactions", "Good, because of transactions"),
        (
            "strict undefined mode turns a misspelt variable into an error",
            "Good, because strict undefined mode turns a misspelt variable into an error",
        ),
        (
            "no required dependencies beyond serde",
            "Good, because there are no required dependencies beyond serde",
        ),
        (
            "pulls in many more crates",
            "Good, because it pulls in many more crates",
        ),
        (
            "tests exercise the real widgets",
            "Good, because tests exercise the real widgets",
        ),
        (
            "maintained fork of the old library",
            "Good, because of a maintained fork of the old library",
        ),
        ("rich table layouts", "Good, because of rich table layouts"),
        ("simplest loader", "Good, because of the simplest loader"),
        (
            "what the user named, widely used",
            "Good, because it is what the user named, widely used",
        ),
        (
            "measured slower than the standard library on long lines",
            "Good, because it was measured slower than the standard library on long lines",
        ),
        (
            "hiring takes three to four months",
            "Good, because hiring takes three to four months",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(argument("Good", text), expected, "{text:?}");
    }
    assert_eq!(
        argument("Bad", "nobody on the team has run it in production"),
        "Bad, because nobody on the team has run it in production"
    );
}

/// Every shape a pro or con is written in reads as English after "because": a verb
/// without its subject gets "it", a thing the option has gets "of" and its article, a
/// missing thing gets "there is/are", a thing it is or takes gets "it is"/"it takes", and
/// a sentence of its own stays as written.
#[test]
fn every_shape_of_pro_or_con_reads_as_english_after_because() {
    let cases = [
        // A verb in -s and its plural object.
        ("replays events", "it replays events"),
        ("supports webhooks", "it supports webhooks"),
        ("already hosts our billing", "it already hosts our billing"),
        ("can start in two weeks", "it can start in two weeks"),
        (
            "costs about 40% more per month",
            "it costs about 40% more per month",
        ),
        // What it is like.
        ("new to us", "it is new to us"),
        ("heavy to run", "it is heavy to run"),
        ("small", "it is small"),
        ("cheaper", "it is cheaper"),
        ("built in and simple", "it is built in and simple"),
        ("written in Rust", "it is written in Rust"),
        ("managed by the vendor", "it is managed by the vendor"),
        // A thing it has.
        ("heavy bundle", "of a heavy bundle"),
        ("a clean design", "of a clean design"),
        ("flexible documents", "of flexible documents"),
        ("lowest fees", "of the lowest fees"),
        ("three-year contract", "of a three-year contract"),
        (
            "the query syntax we already use",
            "of the query syntax we already use",
        ),
        // A thing it lacks.
        ("no bank transfers yet", "there are no bank transfers yet"),
        ("no EU region yet", "there is no EU region yet"),
        ("no cluster to run", "there is no cluster to run"),
        ("nothing new to learn", "there is nothing new to learn"),
        ("nothing to install", "there is nothing to install"),
        // What it is, or what it takes.
        ("what we have today", "it is what we have today"),
        (
            "nine months before it replaces anything",
            "it is nine months before it replaces anything",
        ),
        ("two weeks to set up", "it takes two weeks to set up"),
        // A sentence of its own, "it …" included.
        ("it is cheap to run", "it is cheap to run"),
        ("we tune it by hand", "we tune it by hand"),
        (
            "orders fail when shipping is down",
            "orders fail when shipping is down",
        ),
        ("the team knows it", "the team knows it"),
        ("nothing ships for months", "nothing ships for months"),
        ("what matters is speed", "what matters is speed"),
        (
            "conditions, defaults and coaching drift between the two",
            "conditions, defaults and coaching drift between the two",
        ),
        // A bare verb, said by "we".
        ("pay as you go", "we pay as we go"),
    ];
    for (text, because) in cases {
        assert_eq!(
            argument("Good", text),
            format!("Good, because {because}"),
            "{text:?}"
        );
    }
}

/// A word in -s that is a plural noun as often as a verb ("limits", "costs") is the noun
/// when no object follows it, so the phrase gets "of"; a verb that needs no object
/// ("stays", "grows"), a verb with its object, a modal or an auxiliary keeps the clause.
#[test]
fn a_noun_phrase_is_told_from_a_clause_after_because() {
    let cases = [
        // Noun phrases: the word in -s has no object, so it is the plural noun.
        (
            "size limits on large drafts",
            "of size limits on large drafts",
        ),
        ("rate limits per API key", "of rate limits per API key"),
        ("license costs per seat", "of license costs per seat"),
        (
            "hosting costs at our volume",
            "of hosting costs at our volume",
        ),
        ("hidden costs", "of hidden costs"),
        (
            "storage needs for attachments",
            "of storage needs for attachments",
        ),
        (
            "security updates for the base image",
            "of security updates for the base image",
        ),
        ("the size limits on drafts", "of the size limits on drafts"),
        ("bug fixes from upstream", "of bug fixes from upstream"),
        (
            "egress costs between regions",
            "of egress costs between regions",
        ),
        (
            "memory limits in the free tier",
            "of memory limits in the free tier",
        ),
        (
            "cost estimates for each team",
            "of cost estimates for each team",
        ),
        (
            "support costs and upgrade effort",
            "of support costs and upgrade effort",
        ),
        (
            "vendor fees for every message",
            "of vendor fees for every message",
        ),
        // Clauses: a verb that needs no object, a verb with its object, a modal.
        ("data stays in the EU", "data stays in the EU"),
        ("data can stay in the EU", "data can stay in the EU"),
        ("data never leaves the EU", "data never leaves the EU"),
        (
            "the vendor limits us to one region",
            "the vendor limits us to one region",
        ),
        (
            "hosting costs grow with traffic",
            "hosting costs grow with traffic",
        ),
        (
            "licence costs double next year",
            "licence costs double next year",
        ),
        (
            "storage needs to be encrypted",
            "storage needs to be encrypted",
        ),
        ("traffic grows in spring", "traffic grows in spring"),
        ("the job runs on Kubernetes", "the job runs on Kubernetes"),
        ("search works offline", "search works offline"),
        ("the team knows it well", "the team knows it well"),
        (
            "each team releases on its own",
            "each team releases on its own",
        ),
        ("it costs more at our volume", "it costs more at our volume"),
        ("limits us to one region", "it limits us to one region"),
    ];
    for (text, because) in cases {
        assert_eq!(
            argument("Bad", text),
            format!("Bad, because {because}"),
            "{text:?}"
        );
    }
}

/// An open item said in a sentence takes "the" when it is a bare singular noun phrase, and
/// nothing when it is a plural, a name, a gerund, a question, a clause or already opens
/// with an article, a possessive or a number.
#[test]
fn an_open_item_takes_the_when_a_bare_noun_needs_it() {
    let cases = [
        ("latency budget", "the latency budget"),
        ("peak write load", "the peak write load"),
        (
            "managed event log price at our volume",
            "the managed event log price at our volume",
        ),
        (
            "cost of a managed instance",
            "the cost of a managed instance",
        ),
        ("vendor's exit clause", "the vendor's exit clause"),
        ("retention needs", "retention needs"),
        ("support hours", "support hours"),
        ("the fees at our volume", "the fees at our volume"),
        ("a second quote", "a second quote"),
        ("our share of the cost", "our share of the cost"),
        ("3 vendors' prices", "3 vendors' prices"),
        ("Stripe pricing for refunds", "Stripe pricing for refunds"),
        ("AWS region list", "AWS region list"),
        (
            "whether billing can share the cluster",
            "whether billing can share the cluster",
        ),
        ("how large drafts get", "how large drafts get"),
        ("pricing at our volume", "pricing at our volume"),
        ("legal signs the contract", "legal signs the contract"),
        ("prices can change", "prices can change"),
    ];
    for (item, said) in cases {
        assert_eq!(open_item(item), said, "{item:?}");
    }
}

/// A bare number after "instead of" is said with its unit and what it was.
#[test]
fn instead_of_a_bare_number_says_what_the_number_was() {
    let cases = [
        (
            "the new link is ready in 1 week instead of 3; orders wait",
            "the new link is ready in 1 week instead of 3 weeks for the other approach; orders wait",
        ),
        (
            "we can ship it in 2 days instead of 5.",
            "we can ship it in 2 days instead of 5 days for the other approach.",
        ),
        (
            "ready in 1 week instead of 3 weeks",
            "ready in 1 week instead of 3 weeks",
        ),
        ("10 people instead of 12", "10 people instead of 12"),
        (
            "ready in 1 week instead of 3 and easier to change",
            "ready in 1 week instead of 3 weeks for the other approach and easier to change",
        ),
        ("paying monthly instead of 3", "paying monthly instead of 3"),
    ];
    for (text, said) in cases {
        assert_eq!(instead_of_said(text, true), said, "{text:?}");
    }
}

#[test]
fn instead_of_said_short_gives_the_unit_alone() {
    assert_eq!(
        instead_of_said("we can ship it in 1 week instead of 3.", false),
        "we can ship it in 1 week instead of 3 weeks."
    );
}

#[test]
fn a_subject_of_alternatives_names_the_choice() {
    let cases = [
        (
            "whether to hire a permanent SRE or bring in a contractor",
            "a contractor for six months",
            true,
        ),
        ("between monorepo and polyrepo", "monorepo", true),
        (
            "whether to hire or not",
            "a contractor for six months",
            false,
        ),
        ("the database for the orders service", "PostgreSQL", false),
        ("the vendor for order search", "Vendor A", false),
    ];
    for (subject, choice, named) in cases {
        assert_eq!(offers(subject, choice), named, "{subject:?} {choice:?}");
    }
}

#[test]
fn an_item_after_it_loses_only_the_capital_its_place_gave_it() {
    let cases = [
        (
            "Customizable without code changes",
            "customizable without code changes",
        ),
        ("Could make caching too easy", "could make caching too easy"),
        ("AWS-managed", "AWS-managed"),
        ("PostgreSQL-compatible", "PostgreSQL-compatible"),
        ("managed for us", "managed for us"),
        ("I", "I"),
    ];
    for (text, expected) in cases {
        assert_eq!(after_subject(text), expected, "{text:?}");
    }
}

#[test]
fn gains_and_risks_read_as_the_team_would_say_them() {
    let strings = |items: &[&str]| items.iter().map(|i| (*i).to_string()).collect::<Vec<_>>();
    // A few short phrases go in the sentence, each with the subject its verb agrees with.
    let cases: [(&[&str], bool, &str); 5] = [
        (
            &["we already run it for billing"],
            true,
            " we already run it for billing.",
        ),
        (
            &[
                "Don't have to wait for the upstream release",
                "Get to test it early",
            ],
            true,
            " we don't have to wait for the upstream release; we get to test it early.",
        ),
        (
            &["Fast builds with previews"],
            true,
            " we get fast builds with previews.",
        ),
        (
            &[
                "Need to watch browser support",
                "use of a new library slows reviews",
            ],
            false,
            " we need to watch browser support; use of a new library slows reviews.",
        ),
        (
            &["Block proposers aren't able to pad blocks"],
            false,
            " Block proposers aren't able to pad blocks.",
        ),
    ];
    for (items, gains, expected) in cases {
        assert_eq!(listed(&strings(items), gains), expected, "{items:?}");
    }
    // Sentences, or many, go as a list in the record's words: no ".;", no "..".
    assert_eq!(
        listed(
            &strings(&[
                "Installs run faster.",
                "Lightweight",
                "The CLI stays the same."
            ]),
            true
        ),
        "\n- Installs run faster.\n- Lightweight\n- The CLI stays the same."
    );
}

/// A quote never nests in quotation marks of its own kind, and keeps its words.
#[test]
fn a_quote_with_quotes_inside_is_put_in_single_quotes() {
    let cases = [
        ("the project is suffering", "\"the project is suffering\""),
        (
            "Ask yourself: \"If this turns out to be wrong?\" If the answer is days, it's reversible.",
            "'Ask yourself: \"If this turns out to be wrong?\" If the answer is days, it's reversible.'",
        ),
        ("say “no” kindly", "'say “no” kindly'"),
        (" it's fine ", "\"it's fine\""),
    ];
    for (text, expected) in cases {
        assert_eq!(quoted(text), expected, "{text:?}");
    }
}

/// A third option written as shorthand is offered as a sentence a stakeholder can choose.
#[test]
fn a_shorthand_option_reads_as_a_sentence() {
    let cases = [
        (
            "keep the date, admin screens by Tuesday 2 March 2027",
            "keep the date without the admin screens; they follow by Tuesday 2 March 2027",
        ),
        (
            "keep the date, the rest by Tuesday 2 March 2027",
            "keep the date without the rest; it follows by Tuesday 2 March 2027",
        ),
        (
            "keep the launch date, the CSV export in sprint 14",
            "keep the launch date without the CSV export; it follows in sprint 14",
        ),
        (
            "hire a contractor, audit logs by Friday 5 March 2027",
            "hire a contractor; the audit logs follow by Friday 5 March 2027",
        ),
        (
            "drop the audit log and keep the date",
            "drop the audit log and keep the date",
        ),
        (
            "two more people, keep the date",
            "two more people, keep the date",
        ),
        (
            "ship the importer behind a flag by the date",
            "ship the importer behind a flag by the date",
        ),
        (
            "keep the date, no admin screens",
            "keep the date, no admin screens",
        ),
        (
            "keep the date; the admin screens follow in the next release",
            "keep the date; the admin screens follow in the next release",
        ),
        (
            "keep the date, the admin screens follow in sprint 14",
            "keep the date, the admin screens follow in sprint 14",
        ),
        (
            "we keep the date if the admin screens move to the next release",
            "we keep the date if the admin screens move to the next release",
        ),
        (
            "everything but the admin screens by 2 March",
            "everything but the admin screens by 2 March",
        ),
        (
            "keep the date, with admin screens by 2 March",
            "keep the date, with admin screens by 2 March",
        ),
    ];
    for (text, said) in cases {
        assert_eq!(option_sentence(text), said, "{text}");
    }
}

#[test]
fn working_time_says_working_days() {
    let cases = [
        ("50 days", "50 working days"),
        ("1 day", "1 working day"),
        ("0.5 days", "0.5 working days"),
        ("10 weeks", "10 weeks"),
        ("4 months", "4 months"),
        ("", ""),
    ];
    for (amount, said) in cases {
        assert_eq!(working_time(amount), said, "{amount}");
    }
}

/// A problem typed in the present with "since" is said as what has been going on.
#[test]
fn a_problem_since_a_time_is_said_as_going_on() {
    let cases = [
        (
            "Logins fail for some customers since this morning",
            "Logins have been failing for some customers since this morning",
        ),
        (
            "Search is down since 9:00",
            "Search has been down since 9:00",
        ),
        (
            "The checkout page crashes since the release",
            "The checkout page has been crashing since the release",
        ),
        (
            "Orders are late since Monday",
            "Orders have been late since Monday",
        ),
        (
            "The export doesn't work since Monday",
            "The export hasn't worked since Monday",
        ),
        (
            "Invoices time out since noon",
            "Invoices have been timing out since noon",
        ),
        (
            "Load times are high since Monday",
            "Load times have been high since Monday",
        ),
        // Already right, or no "since": as written.
        (
            "Logins have failed since this morning",
            "Logins have failed since this morning",
        ),
        (
            "Logins fail for some customers",
            "Logins fail for some customers",
        ),
        ("Invoice emails go out late", "Invoice emails go out late"),
    ];
    for (text, said) in cases {
        assert_eq!(since_tense(text), said, "{text:?}");
    }
}

#[test]
fn a_subject_is_plural_by_its_head_not_its_last_word() {
    let cases = [
        ("the people who set the priorities", true),
        ("Ana and Tom", true),
        ("the lawyers", true),
        ("the finance folks", true),
        ("Maria", false),
        ("legal", false),
        ("Thomas", false),
        ("the head of sales", false),
        ("the team that owns payments", false),
        ("", false),
    ];
    for (subject, plural) in cases {
        assert_eq!(is_plural_subject(subject), plural, "{subject:?}");
    }
}

/// A proposal waiting for an OK tells the team whose OK and by when.
#[test]
fn the_team_hears_whose_ok_a_proposal_waits_for_and_by_when() {
    let cases = [
        (
            "We need your OK on the contractor budget by Friday 11 December.",
            "the stakeholders",
            None,
            "the stakeholders give the OK on the contractor budget, which we've asked for by Friday 11 December",
        ),
        (
            "We need your approval of the vendor contract.",
            "Dana",
            Some("Monday 14 December"),
            "Dana gives the approval of the vendor contract, which we've asked for by Monday 14 December",
        ),
        (
            "We need legal to sign off the data agreement by Friday 8 January 2027.",
            "Dana",
            None,
            "the OK we've asked for comes: legal to sign off the data agreement, by Friday 8 January 2027",
        ),
    ];
    for (needs, who, by, said) in cases {
        assert_eq!(awaited_ok(needs, who, by), said, "{needs}");
    }
}

/// None of the time is "no extra time": a zero is never a number of weeks.
#[test]
fn no_time_is_said_in_words() {
    let cases = [
        ("0 weeks", "no extra time"),
        ("0 days", "no extra time"),
        ("0.0 months", "no extra time"),
        ("6 weeks", "6 weeks"),
        ("0.5 days", "0.5 days"),
        ("half a day", "half a day"),
    ];
    for (amount, said) in cases {
        assert_eq!(time_said(amount), said, "{amount}");
    }
}

/// "find out" takes a question; a thing is looked into.
#[test]
fn open_questions_take_the_verb_that_fits_them() {
    let items = |list: &[&str]| list.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    let cases = [
        (
            items(&[
                "whether bank transfers come this year",
                "the legal review of the contract",
            ]),
            "base",
            "find out whether bank transfers come this year, and look into the legal review of the contract",
        ),
        (
            items(&["the licence cost"]),
            "s",
            "finds out the licence cost",
        ),
        (
            items(&["the security audit"]),
            "s",
            "looks into the security audit",
        ),
        (
            items(&["how many pages we get a week", "who signs the renewal"]),
            "ing",
            "finding out how many pages we get a week and who signs the renewal",
        ),
        (
            items(&[
                "the vendor's support hours",
                "the exit terms",
                "what the vendor charges",
                "EU data residency",
            ]),
            "ing",
            "finding out the exit terms and what the vendor charges, and looking into the vendor's support hours and EU data residency",
        ),
    ];
    for (list, form, said) in cases {
        assert_eq!(finding_out(&list, form), said, "{list:?}");
    }
}

#[test]
fn a_yes_or_no_question_gives_the_change_it_asks_about() {
    let cases = [
        (
            "whether we move our twelve services into one repository",
            Some("move our twelve services into one repository"),
        ),
        (
            "whether to migrate billing to Kafka",
            Some("migrate billing to Kafka"),
        ),
        ("whether we keep polyrepo", None),
        ("whether we should move to a monorepo", None),
        ("whether the auditors accept 30 days", None),
        ("how we run the weekly demo", None),
        ("the database for the orders service", None),
    ];
    for (subject, plan) in cases {
        assert_eq!(whether_plan(subject).as_deref(), plan, "{subject:?}");
    }
}

#[test]
fn a_person_s_name_typed_in_lower_case_gets_its_capital() {
    let cases = [
        ("sam", "Sam"),
        (" priya ", "Priya"),
        ("Sam", "Sam"),
        ("de Vries", "de Vries"),
        ("McKay", "McKay"),
        ("the support team", "the support team"),
        ("", ""),
    ];
    for (typed, said) in cases {
        assert_eq!(person_name(typed), said, "{typed:?}");
    }
}

#[test]
fn a_date_after_a_clause_is_set_apart() {
    let cases = [
        (
            "We'll choose the service that passes orders on by Tuesday 15 December.",
            "We'll choose the service that passes orders on, by Tuesday 15 December.",
        ),
        (
            "We'll choose a vendor for order search by Friday 11 December.",
            "We'll choose a vendor for order search by Friday 11 December.",
        ),
        // "by" that is not followed by a date is not a deadline.
        (
            "We'll pick the tool that is used by the support team.",
            "We'll pick the tool that is used by the support team.",
        ),
        // A clause before an earlier comma does not reach past it.
        (
            "The one that failed, we replace by Monday 4 January 2027.",
            "The one that failed, we replace by Monday 4 January 2027.",
        ),
        // Already set apart.
        (
            "We'll choose the service that passes orders on, by Tuesday 15 December.",
            "We'll choose the service that passes orders on, by Tuesday 15 December.",
        ),
        // A question word after a verb opens no clause about a noun.
        (
            "Sam tells us which matters more by Friday 4 December.",
            "Sam tells us which matters more by Friday 4 December.",
        ),
        (
            "Ask the team who runs billing by Friday 11 December.",
            "Ask the team who runs billing, by Friday 11 December.",
        ),
    ];
    for (text, said) in cases {
        assert_eq!(date_set_apart(text), said, "{text:?}");
    }
}
