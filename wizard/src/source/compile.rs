//! Reads the rules file into the compiled `Model`, resolving every id and
//! reporting each unknown question, answer, lever or threshold where it is written.

use super::read::{hint_for, Ctx, Fields, Table, Value};
use crate::facts::Facts;
use crate::model::*;
use reader::words::quoted_list;
use std::collections::HashMap;
use std::ops::Range;
use toml::de::DeValue;

/// Where things are written, for the checks that run on the compiled model.
#[derive(Debug, Default)]
pub struct Spans {
    pub questions: Vec<Range<usize>>,
    pub answers: Vec<Vec<Range<usize>>>,
    /// Rule and procedure ids.
    pub rules: HashMap<String, Range<usize>>,
    pub procedures: Vec<Range<usize>>,
}

/// What pass 1 knows of a question before conditions are resolved.
struct QInfo {
    id: String,
    kind: Kind,
    answers: Vec<String>,
}

const TOP: &[&str] = &[
    "table",
    "purchase",
    "seeds",
    "questions",
    "procedures",
    "levers",
];
const SEED: &[&str] = &["id", "file", "title"];
const SOURCE: &[&str] = &["seed", "page", "quote", "reading"];
/// A quote is a short passage, not a copy of the guide.
const MAX_QUOTE: usize = 300;
const QUESTION: &[&str] = &["id", "kind", "text", "help", "ask_if", "answers"];
const ANSWER: &[&str] = &["id", "label", "short", "group", "only_if"];
const LEVER: &[&str] = &[
    "slug",
    "contact",
    "ars_contact",
    "generic",
    "next_steps",
    "otherwise",
    "rules",
];
const RULE: &[&str] = &[
    "id",
    "result",
    "when",
    "text",
    "next_step",
    "source",
    "confirm",
];
const OTHERWISE: &[&str] = &["id", "text", "source"];
const PROCEDURE: &[&str] = &["id", "over", "under", "thresholds", "text", "source"];

pub fn compile(
    ctx: &mut Ctx<'_>,
    root: &Table<'_>,
    root_span: Range<usize>,
    facts: &Facts,
) -> (Model, Spans) {
    let top = Fields::new(ctx, root, root_span, "le fichier", TOP);
    let mut spans = Spans::default();
    let mut ids = Ids::default();

    // Pass 1: questions and answers, so that conditions can refer to any of them.
    let raw_questions = top.tables(ctx, "questions");
    if raw_questions.is_empty() {
        ctx.error(
            &(0..0),
            "aucune question : ajoutez des blocs [[questions]]".into(),
            None,
        );
    }
    let mut infos: Vec<QInfo> = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    let mut raw_conditions = Vec::new();
    for (table, span) in &raw_questions {
        let fields = Fields::new(ctx, table, span.clone(), "la question", QUESTION);
        let (id, id_span) = fields.req_str(ctx, "id").unwrap_or_default();
        if !id.is_empty() {
            if infos.iter().any(|q| q.id == id) {
                ctx.error(
                    &id_span,
                    format!("la question « {id} » est déclarée deux fois"),
                    None,
                );
            }
            check_id(ctx, &id, &id_span);
        }
        let kind = match fields.opt_str(ctx, "kind") {
            None => Kind::Choice,
            Some((k, _)) if k == "choix" => Kind::Choice,
            Some((k, _)) if k == "montant" => Kind::Amount,
            Some((k, _)) if k == "region" => Kind::Region,
            Some((k, s)) => {
                let hint = hint_for(&k, "types", &["choix", "montant", "region"]);
                ctx.error(&s, format!("type de question inconnu « {k} »"), Some(hint));
                Kind::Choice
            }
        };
        let text = fields.req_str(ctx, "text").map(|t| t.0).unwrap_or_default();
        let help = fields.opt_str(ctx, "help").map(|t| t.0);
        let raw_answers = fields.tables(ctx, "answers");
        let mut answers = Vec::new();
        let mut answer_spans = Vec::new();
        let mut answer_conditions = Vec::new();
        match kind {
            Kind::Choice => {
                if raw_answers.is_empty() {
                    ctx.error(
                        &id_span,
                        format!("la question « {id} » n'a aucune réponse"),
                        Some("ajoutez des blocs [[questions.answers]] avec id et label".into()),
                    );
                }
                for (table, aspan) in &raw_answers {
                    let afields = Fields::new(ctx, table, aspan.clone(), "la réponse", ANSWER);
                    let (aid, aid_span) = afields.req_str(ctx, "id").unwrap_or_default();
                    if answers.iter().any(|a: &Answer| a.id == aid) && !aid.is_empty() {
                        ctx.error(
                            &aid_span,
                            format!("la question « {id} » a deux réponses « {aid} »"),
                            None,
                        );
                    }
                    check_id(ctx, &aid, &aid_span);
                    answers.push(Answer {
                        id: aid,
                        label: afields
                            .req_str(ctx, "label")
                            .map(|t| t.0)
                            .unwrap_or_default(),
                        short: afields.opt_str(ctx, "short").map(|t| t.0),
                        group: afields.opt_str(ctx, "group").map(|t| t.0),
                        only_if: Vec::new(),
                    });
                    answer_spans.push(aid_span);
                    answer_conditions.push(afields.opt_table(ctx, "only_if"));
                }
            }
            Kind::Amount | Kind::Region => {
                if let Some(value) = fields.get("answers") {
                    let why = if kind == Kind::Region {
                        "les réponses d'une question « region » sont les ARS de content/data/contacts.toml"
                    } else {
                        "une question « montant » attend un nombre, pas une liste de réponses"
                    };
                    ctx.error(
                        &value.span(),
                        format!("la question « {id} » ne doit pas lister de réponses"),
                        Some(why.into()),
                    );
                }
                if kind == Kind::Region {
                    if facts.regions.is_empty() {
                        ctx.error(
                            &id_span,
                            "aucune ARS connue pour la question « region »".into(),
                            Some("vérifiez content/data/contacts.toml ([[ars]])".into()),
                        );
                    }
                    for region in &facts.regions {
                        answers.push(Answer {
                            id: region.id.clone(),
                            label: region.name.clone(),
                            short: None,
                            group: None,
                            only_if: Vec::new(),
                        });
                        answer_spans.push(id_span.clone());
                        answer_conditions.push(None);
                    }
                }
            }
        }
        infos.push(QInfo {
            id: id.clone(),
            kind,
            answers: answers.iter().map(|a| a.id.clone()).collect(),
        });
        raw_conditions.push((fields.opt_table(ctx, "ask_if"), answer_conditions));
        questions.push(Question {
            id,
            kind,
            text,
            help,
            ask_if: Vec::new(),
            answers,
        });
        spans.questions.push(id_span);
        spans.answers.push(answer_spans);
    }
    if infos.iter().filter(|q| q.kind == Kind::Region).count() > 1 {
        ctx.error(
            &(0..0),
            "plusieurs questions de type « region » : une seule suffit".into(),
            None,
        );
    }

    // Pass 2: display conditions refer only to earlier questions.
    for (position, (ask_if, answer_conditions)) in raw_conditions.into_iter().enumerate() {
        if let Some((table, _)) = ask_if {
            questions[position].ask_if = condition(ctx, &infos, table, Some(position));
        }
        for (a, only_if) in answer_conditions.into_iter().enumerate() {
            if let Some((table, _)) = only_if {
                questions[position].answers[a].only_if =
                    condition(ctx, &infos, table, Some(position));
            }
        }
    }

    let (table_rows, table_detail) = table_spec(ctx, &top, &infos);
    let purchase = purchase(ctx, &top, &infos);
    let seeds = seeds(ctx, &top);
    let procedures = procedures(ctx, &top, facts, &seeds, &mut ids, &mut spans);
    if purchase.is_some() && procedures.is_empty() {
        ctx.error(
            &(0..0),
            "[purchase] est décrit mais aucune procédure [[procedures]] n'est listée".into(),
            None,
        );
    }
    let levers = levers(ctx, &top, &infos, facts, &seeds, &mut ids, &mut spans);

    let model = Model {
        questions,
        levers,
        procedures,
        purchase,
        table_rows,
        table_detail,
        seeds,
    };
    (model, spans)
}

/// Rule and procedure ids are unique in the whole file: a reason names its rule.
#[derive(Default)]
struct Ids(HashMap<String, ()>);

impl Ids {
    fn claim(&mut self, ctx: &mut Ctx<'_>, id: &str, span: &Range<usize>) {
        if id.is_empty() {
            return;
        }
        check_id(ctx, id, span);
        if self.0.insert(id.to_string(), ()).is_some() {
            ctx.error(
                span,
                format!("l'identifiant de règle « {id} » est déjà utilisé"),
                Some("chaque règle doit avoir un id unique dans le fichier".into()),
            );
        }
    }
}

fn check_id(ctx: &mut Ctx<'_>, id: &str, span: &Range<usize>) {
    if !id.is_empty()
        && !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        ctx.error(span, format!("l'identifiant « {id} » doit n'employer que des minuscules sans accents, des chiffres et des tirets"), None);
    }
}

/// `{ porteur = ["a", "b"], region = { not = ["idf"] }, montant = { from = 40000, below = 100000 } }`.
/// `before`: for display conditions, only questions before this one may be named.
fn condition(
    ctx: &mut Ctx<'_>,
    infos: &[QInfo],
    table: &Table<'_>,
    before: Option<usize>,
) -> Vec<Clause> {
    let mut clauses = Vec::new();
    let ids: Vec<&str> = infos.iter().map(|q| q.id.as_str()).collect();
    for (key, value) in table.iter() {
        let name: &str = key.get_ref();
        let Some(q) = infos.iter().position(|i| i.id == name) else {
            ctx.error(
                &key.span(),
                format!("question inconnue « {name} » dans la condition"),
                Some(hint_for(name, "questions", &ids)),
            );
            continue;
        };
        if let Some(position) = before {
            if q >= position {
                ctx.error(&key.span(), format!("cette condition porte sur « {name} », qui n'est pas posée avant"), Some(format!("une condition d'affichage ne peut porter que sur une question placée plus haut dans le fichier : {}", quoted_list(ids[..position].iter().copied()))));
                continue;
            }
        }
        let info = &infos[q];
        let clause = match info.kind {
            Kind::Amount => amount_clause(ctx, q, name, value),
            Kind::Choice | Kind::Region => choice_clause(ctx, q, info, value),
        };
        clauses.extend(clause);
    }
    clauses
}

fn amount_clause(
    ctx: &mut Ctx<'_>,
    q: usize,
    name: &str,
    value: &toml::Spanned<Value<'_>>,
) -> Option<Clause> {
    let DeValue::Table(t) = value.get_ref() else {
        ctx.error(
            &value.span(),
            format!("« {name} » est un montant : écrivez {{ from = 40000, below = 100000 }}"),
            Some("from : à partir de (inclus) ; below : en dessous de (exclu)".into()),
        );
        return None;
    };
    let fields = Fields::new(
        ctx,
        t,
        value.span(),
        "la condition de montant",
        &["from", "below"],
    );
    let from = fields.opt_u64(ctx, "from").map(|v| v.0);
    let below = fields.opt_u64(ctx, "below").map(|v| v.0);
    if from.is_none() && below.is_none() {
        ctx.error(
            &value.span(),
            format!("la condition sur « {name} » doit donner from, below ou les deux"),
            None,
        );
        return None;
    }
    if let (Some(f), Some(b)) = (from, below) {
        if f >= b {
            ctx.error(&value.span(), format!("la condition sur « {name} » est impossible : from ({f}) doit être inférieur à below ({b})"), None);
        }
    }
    Some(Clause {
        question: q,
        any: Vec::new(),
        negate: false,
        from,
        below,
    })
}

fn choice_clause(
    ctx: &mut Ctx<'_>,
    q: usize,
    info: &QInfo,
    value: &toml::Spanned<Value<'_>>,
) -> Option<Clause> {
    let (items, negate) = match value.get_ref() {
        DeValue::Array(items) => (items, false),
        DeValue::Table(t) => {
            Fields::new(ctx, t, value.span(), "la condition", &["not"]);
            match t.get("not").map(|v| v.get_ref()) {
                Some(DeValue::Array(items)) => (items, true),
                _ => {
                    ctx.error(
                        &value.span(),
                        format!(
                            "pour exclure des réponses de « {} », écrivez {{ not = [\"…\"] }}",
                            info.id
                        ),
                        None,
                    );
                    return None;
                }
            }
        }
        _ => {
            ctx.error(
                &value.span(),
                format!(
                    "la condition sur « {} » doit être une liste de réponses [\"…\"]",
                    info.id
                ),
                None,
            );
            return None;
        }
    };
    if items.iter().next().is_none() {
        ctx.error(
            &value.span(),
            format!("la liste de réponses de « {} » est vide", info.id),
            None,
        );
        return None;
    }
    let possible: Vec<&str> = info.answers.iter().map(String::as_str).collect();
    let mut any = Vec::new();
    for item in items.iter() {
        let DeValue::String(answer) = item.get_ref() else {
            ctx.error(
                &item.span(),
                "une réponse s'écrit entre guillemets".into(),
                None,
            );
            continue;
        };
        match info.answers.iter().position(|a| a == answer.as_ref()) {
            Some(a) if !any.contains(&a) => any.push(a),
            Some(_) => ctx.error(
                &item.span(),
                format!("la réponse « {answer} » est écrite deux fois"),
                None,
            ),
            None => ctx.error(
                &item.span(),
                format!(
                    "la question « {} » n'a pas de réponse « {answer} »",
                    info.id
                ),
                Some(hint_for(answer, "réponses", &possible)),
            ),
        }
    }
    any.sort_unstable();
    Some(Clause {
        question: q,
        any,
        negate,
        from: None,
        below: None,
    })
}

fn choice_question(
    ctx: &mut Ctx<'_>,
    infos: &[QInfo],
    name: &str,
    span: &Range<usize>,
) -> Option<usize> {
    let ids: Vec<&str> = infos.iter().map(|q| q.id.as_str()).collect();
    match infos.iter().position(|q| q.id == name) {
        Some(q) if infos[q].kind == Kind::Choice => Some(q),
        Some(_) => {
            ctx.error(
                span,
                format!("« {name} » n'est pas une question à choix"),
                None,
            );
            None
        }
        None => {
            ctx.error(
                span,
                format!("question inconnue « {name} »"),
                Some(hint_for(name, "questions", &ids)),
            );
            None
        }
    }
}

fn table_spec(ctx: &mut Ctx<'_>, top: &Fields<'_, '_>, infos: &[QInfo]) -> (usize, Option<usize>) {
    let Some((table, span)) = top.opt_table(ctx, "table") else {
        ctx.error(&(0..0), "section [table] manquante".into(), Some("[table] rows = \"porteur\" (lignes du tableau sans JavaScript), detail = \"besoin\"".into()));
        return (0, None);
    };
    let fields = Fields::new(ctx, table, span, "la section [table]", &["rows", "detail"]);
    let rows = fields
        .req_str(ctx, "rows")
        .and_then(|(name, s)| choice_question(ctx, infos, &name, &s))
        .unwrap_or(0);
    let detail = fields
        .opt_str(ctx, "detail")
        .and_then(|(name, s)| choice_question(ctx, infos, &name, &s));
    (rows, detail)
}

fn purchase(ctx: &mut Ctx<'_>, top: &Fields<'_, '_>, infos: &[QInfo]) -> Option<Purchase> {
    let (table, span) = top.opt_table(ctx, "purchase")?;
    let fields = Fields::new(
        ctx,
        table,
        span,
        "la section [purchase]",
        &["question", "when"],
    );
    let (name, qspan) = fields.req_str(ctx, "question")?;
    let question = match infos.iter().position(|q| q.id == name) {
        Some(q) if infos[q].kind == Kind::Amount => q,
        Some(_) => {
            ctx.error(
                &qspan,
                format!("« {name} » doit être une question de type « montant »"),
                None,
            );
            return None;
        }
        None => {
            let ids: Vec<&str> = infos.iter().map(|q| q.id.as_str()).collect();
            ctx.error(
                &qspan,
                format!("question inconnue « {name} »"),
                Some(hint_for(&name, "questions", &ids)),
            );
            return None;
        }
    };
    let when = fields
        .opt_table(ctx, "when")
        .map(|(t, _)| condition(ctx, infos, t, None))
        .unwrap_or_default();
    Some(Purchase { question, when })
}

/// `[[seeds]]`: the documents rules may cite, by short id.
fn seeds(ctx: &mut Ctx<'_>, top: &Fields<'_, '_>) -> Vec<Seed> {
    let mut out: Vec<Seed> = Vec::new();
    for (table, span) in top.tables(ctx, "seeds") {
        let fields = Fields::new(
            ctx,
            table,
            span.clone(),
            "le document source [[seeds]]",
            SEED,
        );
        let (id, id_span) = fields
            .req_str(ctx, "id")
            .unwrap_or((String::new(), span.clone()));
        if out.iter().any(|s| s.id == id) {
            ctx.error(
                &id_span,
                format!("le document source « {id} » est déclaré deux fois"),
                None,
            );
        }
        let (file, file_span) = fields
            .req_str(ctx, "file")
            .unwrap_or((String::new(), span.clone()));
        if !file.is_empty() && !seed_file_name(&file) {
            ctx.error(
                &file_span,
                format!("nom de fichier source inattendu « {file} »"),
                Some("un fichier source s'écrit comme dans le dossier des sources : 001_d99033c1927da53e.txt".into()),
            );
        } else if !file.is_empty() && !id.is_empty() && !file.starts_with(&format!("{id}_")) {
            ctx.error(
                &file_span,
                format!("le fichier « {file} » ne commence pas par l'identifiant « {id} »"),
                None,
            );
        }
        let title = fields
            .req_str(ctx, "title")
            .map(|t| t.0)
            .unwrap_or_default();
        out.push(Seed { id, file, title });
    }
    out
}

/// `NNN_` + hexadecimal digest + `.txt`.
fn seed_file_name(file: &str) -> bool {
    let Some(stem) = file.strip_suffix(".txt") else {
        return false;
    };
    let Some((number, digest)) = stem.split_once('_') else {
        return false;
    };
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && digest.len() >= 8
        && digest.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `source = { seed = "001", page = 7, quote = "…" }` or `source = { reading = "…" }`:
/// required on every rule and procedure, checked for form here (the quote
/// itself is checked against the seed by the tests, which can read the seeds).
fn rule_source(
    ctx: &mut Ctx<'_>,
    fields: &Fields<'_, '_>,
    owner: &str,
    owner_span: &Range<usize>,
    seeds: &[Seed],
) -> RuleSource {
    let Some((table, span)) = fields.opt_table(ctx, "source") else {
        if fields.get("source").is_none() {
            ctx.error(
                owner_span,
                format!("« {owner} » n'indique pas sa source"),
                Some("ajoutez source = { seed = \"001\", page = 7, quote = \"passage exact du guide\" }, ou source = { reading = \"…\" } si c'est une lecture du portail".into()),
            );
        }
        return RuleSource::default();
    };
    let f = Fields::new(ctx, table, span.clone(), "la source", SOURCE);
    let seed = f.opt_str(ctx, "seed");
    let page = f.opt_u64(ctx, "page");
    let quote = f.opt_str(ctx, "quote");
    let reading = f.opt_str(ctx, "reading").map(|t| t.0);
    let mut document = None;
    if let Some((id, s)) = &seed {
        match seeds.iter().find(|d| &d.id == id) {
            Some(d) => document = Some(d.title.clone()),
            None => {
                let known: Vec<&str> = seeds.iter().map(|d| d.id.as_str()).collect();
                ctx.error(
                    s,
                    format!("document source inconnu « {id} »"),
                    Some(hint_for(id, "documents déclarés dans [[seeds]]", &known)),
                );
            }
        }
        if page.is_none() && quote.is_none() {
            ctx.error(
                &span,
                format!("la source de « {owner} » cite le document « {id} » sans page ni passage"),
                Some(
                    "ajoutez page = … ou quote = \"…\" (un court passage copié du document)".into(),
                ),
            );
        }
    } else if reading.is_none() {
        ctx.error(
            &span,
            format!("la source de « {owner} » ne cite aucun document"),
            Some("indiquez seed = \"001\" et un passage (quote), ou reading = \"…\" pour une lecture du portail".into()),
        );
    } else if page.is_some() || quote.is_some() {
        ctx.error(
            &span,
            "une page ou un passage cité demande le document d'où il vient (seed)".into(),
            None,
        );
    }
    if let Some((p, s)) = &page {
        if *p == 0 || *p > 999 {
            ctx.error(s, format!("numéro de page impossible : {p}"), None);
        }
    }
    if let Some((q, s)) = &quote {
        if q.chars().count() > MAX_QUOTE {
            ctx.error(
                s,
                format!("passage cité trop long ({} caractères)", q.chars().count()),
                Some(format!("citez un court passage, {MAX_QUOTE} caractères au plus, qui suffit à retrouver l'endroit du document")),
            );
        }
        if q.contains('\n') || q.contains('«') || q.contains('»') {
            ctx.error(
                s,
                "un passage cité tient sur une ligne, sans guillemets « »".into(),
                Some("les guillemets sont ajoutés à l'affichage".into()),
            );
        }
    }
    let page = page.map(|p| p.0);
    let quote = quote.map(|q| q.0);
    let mut display = String::new();
    if let Some(document) = &document {
        display.push_str("Source : ");
        display.push_str(document);
        if let Some(p) = page {
            display.push_str(&format!(", p.\u{A0}{p}"));
        }
        if let Some(q) = &quote {
            display.push_str(&format!(" : «\u{A0}{q}\u{A0}»"));
        }
        if let Some(r) = &reading {
            display.push_str(&format!(". Lecture du portail : {r}"));
        }
    } else if let Some(r) = &reading {
        display.push_str("Lecture du portail, que le guide n'écrit pas en ces termes : ");
        display.push_str(r);
    }
    RuleSource {
        seed: seed.map(|s| s.0).unwrap_or_default(),
        page,
        quote,
        reading,
        display,
    }
}

/// A threshold a procedure is bounded by, read from the lever page.
fn bound<'f>(
    ctx: &mut Ctx<'_>,
    fields: &Fields<'_, '_>,
    key: &str,
    facts: &'f Facts,
    known: &[&str],
) -> Option<&'f crate::facts::ThresholdFact> {
    let (amount, span) = fields.opt_u64(ctx, key)?;
    let found = facts.threshold(amount);
    if found.is_none() {
        ctx.error(
            &span,
            format!("le seuil de {amount} € n'existe pas dans la page du levier achats-innovants"),
            Some(format!(
                "seuils connus ([[thresholds]] de content/leviers/achats-innovants.md) : {}",
                quoted_list(known.iter().copied())
            )),
        );
    }
    found
}

/// « Jusqu'à 139 000 € HT inclus », « De 40 000 € à moins de 100 000 € HT »…
/// The side of each boundary is the lever page's (`boundary` of the threshold).
fn range_text(
    over: Option<&crate::facts::ThresholdFact>,
    under: Option<&crate::facts::ThresholdFact>,
) -> String {
    let euros = |t: &crate::facts::ThresholdFact| crate::text::euros(t.amount);
    match (over, under) {
        (None, None) => "Quel que soit le montant".into(),
        (None, Some(u)) if u.up_to_included => format!("Jusqu'à {} HT inclus", euros(u)),
        (None, Some(u)) => format!("En dessous de {} HT", euros(u)),
        (Some(o), None) if o.up_to_included => format!("Au-delà de {} HT", euros(o)),
        (Some(o), None) => format!("À partir de {} HT", euros(o)),
        (Some(o), Some(u)) => {
            let start = if o.up_to_included {
                format!("De plus de {}", euros(o))
            } else {
                format!("De {}", euros(o))
            };
            let end = if u.up_to_included {
                format!("à {} HT inclus", euros(u))
            } else {
                format!("à moins de {} HT", euros(u))
            };
            format!("{start} {end}")
        }
    }
}

fn procedures(
    ctx: &mut Ctx<'_>,
    top: &Fields<'_, '_>,
    facts: &Facts,
    seeds: &[Seed],
    ids: &mut Ids,
    spans: &mut Spans,
) -> Vec<Procedure> {
    let known: Vec<String> = facts
        .thresholds
        .iter()
        .map(|t| t.amount.to_string())
        .collect();
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for (table, span) in top.tables(ctx, "procedures") {
        let fields = Fields::new(ctx, table, span.clone(), "la procédure", PROCEDURE);
        let (id, id_span) = fields
            .req_str(ctx, "id")
            .unwrap_or((String::new(), span.clone()));
        ids.claim(ctx, &id, &id_span);
        // Bounds are thresholds of the lever page, never amounts of their own:
        // the page says which side of the threshold its amount falls on.
        let over = bound(ctx, &fields, "over", facts, &known);
        let under = bound(ctx, &fields, "under", facts, &known);
        let edge = |t: &crate::facts::ThresholdFact| t.amount + u64::from(t.up_to_included);
        let from = over.map(edge);
        let below = under.map(edge);
        if let (Some(f), Some(b)) = (from, below) {
            if f >= b {
                ctx.error(&id_span, format!("la procédure « {id} » ne couvre aucun montant : le seuil « over » doit être inférieur au seuil « under »"), None);
            }
        }
        let mut thresholds: Vec<u64> = over.iter().chain(under.iter()).map(|t| t.amount).collect();
        for (amount, s) in fields.u64_list(ctx, "thresholds") {
            if facts.threshold(amount).is_none() {
                ctx.error(&s, format!("le seuil de {amount} € n'existe pas dans la page du levier achats-innovants"), Some(format!("seuils connus ([[thresholds]] de content/leviers/achats-innovants.md) : {}", quoted_list(known.iter().copied()))));
            }
            if !thresholds.contains(&amount) {
                thresholds.push(amount);
            }
        }
        let text = fields.req_str(ctx, "text").map(|t| t.0).unwrap_or_default();
        let source = rule_source(ctx, &fields, &id, &id_span, seeds);
        spans.rules.insert(id.clone(), id_span.clone());
        spans.procedures.push(id_span);
        out.push(Procedure {
            id,
            from,
            below,
            range: range_text(over, under),
            text,
            source,
            thresholds,
        });
    }
    out
}

fn levers(
    ctx: &mut Ctx<'_>,
    top: &Fields<'_, '_>,
    infos: &[QInfo],
    facts: &Facts,
    seeds: &[Seed],
    ids: &mut Ids,
    spans: &mut Spans,
) -> Vec<LeverRules> {
    let slugs: Vec<&str> = facts.levers.iter().map(|l| l.slug.as_str()).collect();
    let mut out: Vec<LeverRules> = Vec::new();
    let raw = top.tables(ctx, "levers");
    for (table, span) in &raw {
        let fields = Fields::new(ctx, table, span.clone(), "le levier", LEVER);
        let (slug, slug_span) = fields
            .req_str(ctx, "slug")
            .unwrap_or((String::new(), span.clone()));
        if !slug.is_empty() && facts.lever(&slug).is_none() {
            ctx.error(
                &slug_span,
                format!("levier inconnu « {slug} »"),
                Some(hint_for(&slug, "leviers", &slugs)),
            );
        }
        if out.iter().any(|l| l.slug == slug) {
            ctx.error(
                &slug_span,
                format!("le levier « {slug} » a deux blocs [[levers]]"),
                None,
            );
        }
        let mut rules = Vec::new();
        for (rtable, rspan) in fields.tables(ctx, "rules") {
            let rfields = Fields::new(ctx, rtable, rspan.clone(), "la règle", RULE);
            let (id, id_span) = rfields
                .req_str(ctx, "id")
                .unwrap_or((String::new(), rspan.clone()));
            ids.claim(ctx, &id, &id_span);
            let result = match rfields.req_str(ctx, "result") {
                Some((r, s)) => match Status::ALL.iter().find(|st| st.id() == r) {
                    Some(st) => *st,
                    None => {
                        let all: Vec<&str> = Status::ALL.iter().map(|s| s.id()).collect();
                        ctx.error(
                            &s,
                            format!("résultat inconnu « {r} »"),
                            Some(hint_for(&r, "résultats", &all)),
                        );
                        Status::NeCorrespondPas
                    }
                },
                None => Status::NeCorrespondPas,
            };
            let when = match rfields.opt_table(ctx, "when") {
                Some((t, _)) => condition(ctx, infos, t, None),
                None => Vec::new(),
            };
            let source = rule_source(ctx, &rfields, &id, &id_span, seeds);
            let confirm = rfields.opt_bool(ctx, "confirm");
            spans.rules.insert(id.clone(), id_span);
            rules.push(Rule {
                id,
                result,
                when,
                text: rfields
                    .req_str(ctx, "text")
                    .map(|t| t.0)
                    .unwrap_or_default(),
                next_step: rfields.opt_str(ctx, "next_step").map(|t| t.0),
                source,
                confirm,
            });
        }
        let otherwise = match fields.opt_table(ctx, "otherwise") {
            Some((t, s)) => {
                let ofields = Fields::new(
                    ctx,
                    t,
                    s.clone(),
                    "la raison par défaut (otherwise)",
                    OTHERWISE,
                );
                let (id, id_span) = ofields.req_str(ctx, "id").unwrap_or((String::new(), s));
                ids.claim(ctx, &id, &id_span);
                let source = rule_source(ctx, &ofields, &id, &id_span, seeds);
                Rule {
                    id,
                    result: Status::NeCorrespondPas,
                    when: Vec::new(),
                    text: ofields
                        .req_str(ctx, "text")
                        .map(|t| t.0)
                        .unwrap_or_default(),
                    next_step: None,
                    source,
                    confirm: false,
                }
            }
            None => {
                ctx.error(&slug_span, format!("le levier « {slug} » n'a pas de raison par défaut"), Some("ajoutez otherwise = { id = \"…\", text = \"…\" } : la phrase affichée quand aucune règle ne s'applique".into()));
                Rule {
                    id: String::new(),
                    result: Status::NeCorrespondPas,
                    when: Vec::new(),
                    text: String::new(),
                    next_step: None,
                    source: RuleSource::default(),
                    confirm: false,
                }
            }
        };
        let ars_contact = match fields.opt_str(ctx, "ars_contact") {
            None => ArsContact::Ars,
            Some((v, _)) if v == "ars" => ArsContact::Ars,
            Some((v, _)) if v == "article51" => ArsContact::Article51,
            Some((v, _)) if v == "aucun" => ArsContact::None,
            Some((v, s)) => {
                let hint = hint_for(&v, "valeurs", &["ars", "article51", "aucun"]);
                ctx.error(&s, format!("contact d'ARS inconnu « {v} »"), Some(hint));
                ArsContact::Ars
            }
        };
        if ars_contact == ArsContact::Article51 && slug != "article-51" {
            ctx.error(
                &slug_span,
                format!("le levier « {slug} » donne la boîte Article 51 de l'ARS comme contact"),
                Some("cette boîte ne sert qu'aux expérimentations de l'article 51 : écrivez ars_contact = \"ars\" ou \"aucun\"".into()),
            );
        }
        let generic = fields.opt_bool(ctx, "generic");
        out.push(LeverRules {
            slug,
            contact: fields.opt_str(ctx, "contact").map(|t| t.0),
            ars_contact,
            generic,
            next_steps: fields
                .str_list(ctx, "next_steps")
                .into_iter()
                .map(|t| t.0)
                .collect(),
            rules,
            otherwise,
        });
    }
    let end = raw.last().map_or(0..0, |(_, s)| s.clone());
    for fact in &facts.levers {
        if !out.iter().any(|l| l.slug == fact.slug) {
            ctx.error(
                &end,
                format!("le levier « {} » n'a pas de règles", fact.slug),
                Some(format!(
                    "ajoutez un bloc [[levers]] avec slug = \"{}\"",
                    fact.slug
                )),
            );
        }
    }
    out
}
