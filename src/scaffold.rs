//! `portail new lever|update SLUG`: a content file with every required field, explained.

use crate::cli::NewKind;
use crate::date::Date;
use std::path::Path;

pub fn create(root: &Path, kind: NewKind, slug: &str) -> Result<String, String> {
    if !crate::slug::is_slug(slug) {
        return Err(format!("nom « {slug} » invalide : utilisez des minuscules, des chiffres et des tirets (ni con, nul, aux, prn, com1…), par exemple « {} »", crate::slug::slugify(slug)));
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

/// The text every placeholder starts with; `portail check` refuses a file that still has it.
pub const PLACEHOLDER: &str = "À compléter";

fn lever(slug: &str) -> String {
    format!(
        r#"+++
# Nouveau levier. Remplacez chaque « À compléter : … » par le vrai texte, puis lancez
# portail check : il refuse la page tant qu'il reste un « À compléter ».
# Chaque ligne s'écrit nom = valeur ; un texte entre guillemets droits "…" ; une liste entre
# crochets ["…", "…"]. Les lignes qui commencent par # sont des commentaires.

# Titre complet du levier, tel qu'il s'affiche en haut de la page.
title = "À compléter : titre du levier"
# Libellé court pour les menus et l'assistant (ex. : "Subvention FIR").
short_title = "{slug}"
# Une phrase qui résume le levier (listes et résultats de recherche).
description = "À compléter : une phrase de résumé"
# Ordre d'affichage dans la liste des leviers (du plus petit au plus grand).
weight = 100
# Publics concernés, un ou plusieurs parmi "operateur", "industrie", "autres".
audiences = ["À compléter : operateur, industrie ou autres"]
# Objectif du dispositif.
objective = "À compléter : l'objectif du levier"
# Durée et calendrier.
duration = "À compléter : durée et calendrier"
# Comment prendre contact.
contact = "À compléter : qui contacter et comment"
# Qui peut en bénéficier (un élément par catégorie).
applicants = ["À compléter : qui peut en bénéficier"]
# Critères d'éligibilité (laissez [] s'il n'y en a pas).
criteria = []
# Ce que le levier finance ou permet.
funds = ["À compléter : ce que le levier finance"]
# Facultatif : montants, exemples (laissez [] sinon).
amounts = []
examples = []

# Source de l'information (au moins une). Les blocs [[…]] se mettent à la fin de l'en-tête :
# tout ce qui suit [[sources]] appartient à la source.
[[sources]]
# Document cité, par exemple "Guide pratique APIST".
document = "À compléter : titre du document source"
# Date du document, aussi précise que lui : "juillet 2020", "2021-03-12".
date = "À compléter : date du document"
# Page(s) où se trouve l'information, par exemple "6" ou "6-7".
pages = "À compléter : pages"
+++
À compléter : expliquez ici le levier avec vos mots, à quoi il sert, comment s'y prendre.

## Comment s'y prendre
"#
    )
}

fn update(today: Date) -> String {
    format!(
        r#"+++
# Nouvelle actualité. Remplacez chaque « À compléter : … » par le vrai texte, puis lancez
# portail check : il refuse la page tant qu'il reste un « À compléter ».
# Chaque ligne s'écrit nom = valeur ; un texte entre guillemets droits "…" ; une liste entre
# crochets ["…", "…"] ; une date année-mois-jour sans guillemets : 2026-03-12.
# Les lignes qui commencent par # sont des commentaires.

# Titre de l'actualité.
title = "À compléter : titre de l'actualité"
# Une phrase de résumé (listes, flux Atom, résultats de recherche).
description = "À compléter : une phrase de résumé"
# Nature : "appel" (seul à afficher ouvert ou clos), "information", "compte-rendu" ou "marche".
kind = "appel"
# Date du document, aussi précise que la source : 2021-03-12, "2021-07" ou 2021.
# Portail a mis la date du jour : remplacez-la si le document est d'un autre jour.
date = {today}
# Date limite de candidature, aussi précise que la source (un mois compte jusqu'à son dernier
# jour), par exemple 2026-03-31. Une fois passée, l'appel s'affiche « clos ».
# Supprimez la ligne s'il n'y en a pas.
deadline = "À compléter : date limite, par exemple 2026-03-31"
# Leviers illustrés, un ou plusieurs parmi : fir, cpom, article-51, appels-a-projets,
# mig-cooperation-internationale, achats-innovants, conference-des-financeurs, tiga, indemand.
levers = ["À compléter : fir, article-51…"]
# Où l'actualité s'applique : "national", ou les identifiants des ARS concernées
# (ara, bfc, bretagne, cvl, corse, grand-est, guadeloupe, guyane, hdf, idf, martinique,
# normandie, na, occitanie, ocean-indien, pdl, paca).
regions = ["À compléter : national, bretagne…"]
# Facultatif : qui porte l'appel (supprimez la ligne sinon).
organiser = "À compléter : ARS ou organisme qui porte l'appel"
# Facultatif : le lien vers la page officielle ; enlevez le # du début pour l'activer.
# link = "https://…"

# Source de l'information (au moins une). Les blocs [[…]] se mettent à la fin de l'en-tête :
# tout ce qui suit [[sources]] appartient à la source.
[[sources]]
# Document cité, par exemple "Cahier des charges de l'appel à projets".
document = "À compléter : titre du document source"
# Date du document, aussi précise que lui : "novembre 2026", "2026-11-20".
date = "À compléter : date du document"
+++
À compléter : décrivez l'appel avec vos mots, de quoi il s'agit, qui peut candidater, comment,
avec quelles dates.
"#
    )
}
