//! The rules file is validated with errors at line:column, in French, with
//! hints: each test breaks the real file in one place and checks the report.

mod common;

use wizard::{RuleError, Rules};

/// Replaces the first `from` by `to` and returns the errors, plus the 1-based
/// line where the replacement starts.
fn break_rules(from: &str, to: &str) -> (Vec<RuleError>, usize) {
    let source = common::rules_source();
    let at = source
        .find(from)
        .unwrap_or_else(|| panic!("« {from} » not in the rules file"));
    let line = source[..at].lines().count() + usize::from(source[..at].ends_with('\n'));
    let broken = source.replacen(from, to, 1);
    match Rules::parse(&broken, &common::facts()) {
        Ok(_) => panic!("breaking « {from} » was not detected"),
        Err(errors) => (errors, line),
    }
}

fn find<'a>(errors: &'a [RuleError], needle: &str) -> &'a RuleError {
    errors
        .iter()
        .find(|e| e.message.contains(needle))
        .unwrap_or_else(|| panic!("no error containing « {needle} » in {errors:#?}"))
}

#[test]
fn the_real_rules_file_is_valid() {
    common::rules();
}

#[test]
fn unknown_answer_in_a_condition_names_the_possible_ones() {
    let (errors, line) = break_rules(
        r#"when = { besoin = ["vendre"], porteur = ["startup", "pme", "grand-groupe"] }"#,
        r#"when = { besoin = ["vendre"], porteur = ["startpu", "pme", "grand-groupe"] }"#,
    );
    let e = find(
        &errors,
        "la question « porteur » n'a pas de réponse « startpu »",
    );
    assert_eq!(e.line, line);
    let hint = e.hint.as_deref().unwrap();
    assert!(
        hint.starts_with("vouliez-vous dire « startup » ?"),
        "{hint}"
    );
    assert!(hint.contains("« etablissement-sante »"), "{hint}");
}

#[test]
fn unknown_question_in_a_condition() {
    let (errors, line) = break_rules(
        "when = { besoin = [\"deroger\"] }",
        "when = { besion = [\"deroger\"] }",
    );
    let e = find(&errors, "question inconnue « besion »");
    assert_eq!((e.line, e.column), (line, 12));
    assert!(e.hint.as_deref().unwrap().contains("« besoin »"));
}

#[test]
fn unknown_lever_and_missing_lever() {
    let (errors, line) = break_rules("slug = \"tiga\"", "slug = \"tigga\"");
    let e = find(&errors, "levier inconnu « tigga »");
    assert_eq!(e.line, line);
    assert!(e
        .hint
        .as_deref()
        .unwrap()
        .contains("vouliez-vous dire « tiga »"));
    find(&errors, "le levier « tiga » n'a pas de règles");
}

#[test]
fn unknown_field_and_bad_result() {
    let (errors, line) = break_rules("  result = \"correspond\"\n  when = { porteur = [\"etablissement-sante\"], besoin = [\"international\"] }", "  resultat = \"correspond\"\n  when = { porteur = [\"etablissement-sante\"], besoin = [\"international\"] }");
    let e = find(&errors, "champ inconnu « resultat » dans la règle");
    assert_eq!(e.line, line);
    assert!(e
        .hint
        .as_deref()
        .unwrap()
        .contains("vouliez-vous dire « result »"));
    find(
        &errors,
        "champ obligatoire « result » manquant dans la règle",
    );
    let (errors, _) = break_rules(
        "result = \"peut-correspondre\"\n  when = { porteur = [\"groupement\"]",
        "result = \"peut-etre\"\n  when = { porteur = [\"groupement\"]",
    );
    find(&errors, "résultat inconnu « peut-etre »");
}

#[test]
fn an_answer_no_path_reaches() {
    // Offered only to a combination that cannot happen.
    let (errors, line) = break_rules(
        "only_if = { porteur = [\"financeur\", \"collectivite\"] }",
        "only_if = { porteur = [\"financeur\"], porteur = [\"startup\"] }",
    );
    // A duplicate key is a TOML error, reported at its line.
    assert_eq!(errors[0].line, line);
    let (errors, _) = break_rules(
        "  short = \"idée\"\n",
        "  short = \"idée\"\n  only_if = { besoin = [\"vendre\"], porteur = [\"financeur\"] }\n",
    );
    let e = find(
        &errors,
        "la réponse « idee » de la question « maturite » n'est proposée dans aucun parcours",
    );
    assert!(e.hint.is_some());
}

#[test]
fn a_combination_with_no_lever_is_reported_with_its_answers() {
    // Without the calls-for-projects catch-all for international cooperation,
    // and with partners refused the MIG, an association cooperating abroad
    // gets nothing.
    let source = common::rules_source()
        .replacen(
            "when = { besoin = { not = [\"financer\"] } }",
            "when = { besoin = { not = [\"financer\", \"international\"] } }",
            1,
        )
        .replacen(
            "id = \"mig-partenaire\"\n  result = \"peut-correspondre\"",
            "id = \"mig-partenaire\"\n  result = \"ne-correspond-pas\"",
            1,
        );
    assert_ne!(source, common::rules_source());
    let errors = match Rules::parse(&source, &common::facts()) {
        Ok(_) => panic!("the combinations with no lever were not detected"),
        Err(errors) => errors,
    };
    let e = find(
        &errors,
        "aucun levier ne correspond pour les réponses porteur=ehpad&besoin=international",
    );
    assert!(e.hint.as_deref().unwrap().contains("au moins un levier"));
}

#[test]
fn a_rule_that_never_applies() {
    let (errors, line) = break_rules(
        "when = { porteur = [\"ville\"], besoin = [\"contrat\"] }",
        "when = { porteur = [\"ville\"], besoin = [\"financer\"] }",
    );
    let e = find(
        &errors,
        "la règle « cpom-ville » ne s'applique dans aucun parcours",
    );
    assert_eq!(e.line, line - 2, "reported at the rule's id");
}

#[test]
fn thresholds_and_regions_come_from_the_site() {
    let (errors, line) = break_rules("over = 90000", "over = 95000");
    let e = find(&errors, "le seuil de 95000 € n'existe pas");
    assert_eq!(e.line, line);
    assert!(e.hint.as_deref().unwrap().contains("« 90000 »"));
    let (errors, _) = break_rules("region = [\"idf\"] }", "region = [\"ile-de-france\"] }");
    let e = find(
        &errors,
        "la question « region » n'a pas de réponse « ile-de-france »",
    );
    assert!(e.hint.as_deref().unwrap().contains("« idf »"));
}

#[test]
fn malformed_toml_is_reported_where_it_breaks() {
    let (errors, line) = break_rules("id = \"porteur\"", "id = \"porteur");
    assert_eq!(errors[0].line, line);
    assert!(
        errors[0].message.starts_with("TOML mal formé"),
        "{}",
        errors[0].message
    );
}

#[test]
fn display_conditions_only_look_back() {
    let (errors, _) = break_rules(
        "ask_if = { besoin = [\"vendre\", \"acheter\"] }",
        "ask_if = { region = [\"idf\"] }",
    );
    find(
        &errors,
        "cette condition porte sur « region », qui n'est pas posée avant",
    );
}

#[test]
fn the_article_51_mailbox_is_never_a_general_contact() {
    // The FIR lever pointing at the region's Article 51 mailbox.
    let source = common::rules_source();
    let lever = source.find("slug = \"fir\"").unwrap();
    let at = lever + source[lever..].find("ars_contact = \"ars\"").unwrap();
    let broken = format!(
        "{}ars_contact = \"article51\"{}",
        &source[..at],
        &source[at + "ars_contact = \"ars\"".len()..]
    );
    let errors = match Rules::parse(&broken, &common::facts()) {
        Ok(_) => panic!("the Article 51 mailbox as the FIR contact was accepted"),
        Err(errors) => errors,
    };
    let e = find(
        &errors,
        "le levier « fir » donne la boîte Article 51 de l'ARS comme contact",
    );
    assert_eq!(e.line, source[..lever].lines().count() + 1);
    // The wizard's own levers: only Article 51 points at that mailbox.
    let (rules, _) = common::rules();
    for lever in &rules.model().levers {
        assert_eq!(
            lever.ars_contact == wizard::ArsContact::Article51,
            lever.slug == "article-51",
            "{}",
            lever.slug
        );
    }
}

/// Eight more questions of six answers multiply the paths by 6^8: the check must say so at
/// once instead of walking them for minutes (and stalling `portail serve`).
#[test]
fn too_many_paths_are_refused_in_bounded_time() {
    let source = common::rules_source();
    let mut questions = String::new();
    let mut rules = String::new();
    for q in 1..=8 {
        questions.push_str(&format!(
            "[[questions]]\nid = \"extra{q}\"\ntext = \"Question {q} ?\"\n"
        ));
        for a in 1..=6 {
            questions.push_str(&format!(
                "  [[questions.answers]]\n  id = \"r{a}\"\n  label = \"Réponse {a}\"\n  short = \"r{a}\"\n"
            ));
        }
        rules.push_str(&format!(
            "  [[levers.rules]]\n  id = \"extra-{q}\"\n  result = \"peut-correspondre\"\n  when = {{ extra{q} = [\"r1\"] }}\n  text = \"condition {q}.\"\n  source = {{ reading = \"test\" }}\n\n"
        ));
    }
    let region = source
        .find("[[questions]]\nid = \"region\"")
        .expect("region question");
    let mut broken = source.clone();
    broken.insert_str(region, &questions);
    let first_rule = broken.find("\n  [[levers.rules]]").expect("a rule") + 1;
    broken.insert_str(first_rule, &rules);
    let started = std::time::Instant::now();
    let errors = match Rules::parse(&broken, &common::facts()) {
        Ok(_) => panic!("{} paths were accepted", 6u64.pow(8)),
        Err(e) => e,
    };
    find(&errors, "parcours différents");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "the check took {:?}",
        started.elapsed()
    );
}
