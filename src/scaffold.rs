//! `portail new lever|update SLUG`: a content file with every required field, explained.

use crate::cli::NewKind;
use crate::date::Date;
use std::path::Path;

pub fn create(root: &Path, kind: NewKind, slug: &str) -> Result<String, String> {
    if slug.is_empty()
        || !slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(format!("nom « {slug} » invalide : utilisez des minuscules, des chiffres et des tirets, par exemple « {} »", crate::slug::slugify(slug)));
    }
    let (folder, text) = match kind {
        NewKind::Lever => ("leviers", lever(slug)),
        NewKind::Update => ("actualites", update(Date::today()?)),
    };
    let rel = format!("content/{folder}/{slug}.md");
    let path = root.join(&rel);
    if path.exists() {
        return Err(format!("{rel} existe déjà : choisissez un autre nom"));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("création de {} impossible : {e}", parent.display()))?;
    }
    std::fs::write(&path, text).map_err(|e| format!("écriture de {rel} impossible : {e}"))?;
    Ok(rel)
}

fn lever(slug: &str) -> String {
    format!(
        r#"+++
# Titre complet du levier, tel qu'il s'affiche en haut de la page.
title = "À compléter"
# Libellé court pour les menus et l'assistant (ex. : "Subvention FIR").
short_title = "{slug}"
# Une phrase qui résume le levier (affichée dans les listes et les résultats de recherche).
description = "À compléter"
# Ordre d'affichage dans la liste des leviers (du plus petit au plus grand).
weight = 100
# Publics concernés : "operateur", "industrie", "autres" (un ou plusieurs).
audiences = ["operateur"]
# Objectif du dispositif.
objective = "À compléter"
# Durée et calendrier.
duration = "À compléter"
# Comment prendre contact.
contact = "À compléter"
# Qui peut en bénéficier (une ligne par catégorie).
applicants = ["À compléter"]
# Critères d'éligibilité (laisser [] s'il n'y en a pas).
criteria = []
# Ce que le levier finance ou permet.
funds = ["À compléter"]
# Facultatif : montants, exemples.
amounts = []
examples = []

# Source de l'information (au moins une).
[[sources]]
document = "Guide pratique APIST"
date = "juillet 2020"
pages = "6"
+++
Expliquez ici le levier avec vos mots : à quoi il sert, comment s'y prendre.

## Comment s'y prendre
"#
    )
}

fn update(today: Date) -> String {
    format!(
        r#"+++
# Titre de l'actualité.
title = "À compléter"
# Une phrase de résumé (listes, flux Atom, résultats de recherche).
description = "À compléter"
# Nature : "appel" (seul à afficher ouvert ou clos), "information", "compte-rendu" ou "marche".
kind = "appel"
# Date du document, aussi précise que la source : 2021-03-12, "2021-07" ou 2021.
date = {today}
# Date limite de candidature, aussi précise que la source (un mois compte jusqu'à son dernier
# jour). Une fois passée, l'appel s'affiche « clos ». Supprimez la ligne s'il n'y en a pas.
deadline = {today}
# Leviers illustrés, parmi : fir, cpom, article-51, appels-a-projets,
# mig-cooperation-internationale, achats-innovants, conference-des-financeurs, tiga, indemand.
levers = ["article-51"]
# Où l'actualité s'applique : "national", ou les identifiants des ARS concernées
# (ara, bfc, bretagne, cvl, corse, grand-est, guadeloupe, guyane, hdf, idf, martinique,
# normandie, na, occitanie, ocean-indien, pdl, paca).
regions = ["national"]
# Facultatif : qui porte l'appel, et le lien vers la page officielle.
organiser = "ARS …"
# link = "https://…"

[[sources]]
document = "À compléter"
date = "À compléter"
+++
Décrivez l'appel : de quoi s'agit-il, qui peut candidater, comment, avec quelles dates.
"#
    )
}
