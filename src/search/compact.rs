//! A compact, lossless encoding of elasticlunr's serialized index.
//!
//! elasticlunr stores each field's inverted index as a trie with one JSON object per character,
//! every node carrying `"docs":{},"df":0`, and each posting as `"12":{"tf":1.4142135623730951}`.
//! For this site that is five times the size of the words themselves. The encoding keeps, per
//! field, two strings: the sorted tokens separated by spaces (tokens never contain spaces), and
//! in the same order their posting lists, also separated by spaces. A list holds
//! comma-separated document numbers in base 36, each as the gap from the previous one (small
//! numbers compress better), followed by `*count` when the token occurs more than once
//! (elasticlunr's `tf` is the square root of that count): `0,3*2,a` is documents 0, 3 (twice)
//! and 13. Field lengths become one array per document. `decodeIndex` in
//! `static/search-core.js` rebuilds the exact elasticlunr structure before
//! `elasticlunr.Index.load`; the tests below decode in Rust and compare with the original.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// Encodes the JSON serialization of an elasticlunr-rs `Index` whose document references are
/// `"0"`, `"1"`, … (see `build_index`). Returns `None` if the value does not have that shape.
pub fn encode_index(index: &Value) -> Option<Value> {
    let fields: Vec<&str> = index["fields"]
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let store = &index["documentStore"];
    let count = usize::try_from(store["length"].as_u64()?).ok()?;
    let info = store["docInfo"].as_object()?;
    let lengths: Vec<Value> = (0..count)
        .map(|doc| {
            let lengths = info.get(&doc.to_string());
            Value::from(
                fields
                    .iter()
                    .map(|field| lengths.and_then(|l| l[*field].as_u64()).unwrap_or(0))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let mut tokens = Map::new();
    for field in &fields {
        let root = index["index"][*field]["root"].as_object()?;
        let postings = postings(root)?;
        let words: Vec<&str> = postings.keys().map(String::as_str).collect();
        let lists: Vec<String> = postings
            .values()
            .map(|list| encode_postings(list))
            .collect();
        tokens.insert(
            (*field).to_string(),
            serde_json::json!({ "words": words.join(" "), "postings": lists.join(" ") }),
        );
    }
    Some(serde_json::json!({
        "version": index["version"],
        "ref": index["ref"],
        "fields": fields,
        "pipeline": index["pipeline"],
        "lengths": lengths,
        "tokens": tokens,
    }))
}

/// Token → (document number, count) for every token of a trie that has documents, sorted.
fn postings(root: &Map<String, Value>) -> Option<BTreeMap<String, Vec<(u64, u64)>>> {
    let mut out = BTreeMap::new();
    // Explicit stack: a token can be as long as any run of letters in the content.
    let mut stack = vec![(String::new(), root)];
    while let Some((token, node)) = stack.pop() {
        let docs = node.get("docs").and_then(Value::as_object);
        if let Some(docs) = docs.filter(|docs| !docs.is_empty()) {
            let mut list = Vec::with_capacity(docs.len());
            for (doc, posting) in docs {
                let tf = posting["tf"].as_f64()?;
                // tf = √count, computed from an integer: squaring and rounding is exact.
                list.push((doc.parse().ok()?, (tf * tf).round() as u64));
            }
            list.sort_unstable();
            out.insert(token.clone(), list);
        }
        for (key, child) in node {
            if key != "docs" && key != "df" {
                stack.push((format!("{token}{key}"), child.as_object()?));
            }
        }
    }
    Some(out)
}

/// Gaps between sorted document numbers, in base 36, with `*count` when the count is not one.
fn encode_postings(list: &[(u64, u64)]) -> String {
    let mut previous = 0;
    let encoded: Vec<String> = list
        .iter()
        .map(|&(doc, count)| {
            let gap = base36(doc - previous);
            previous = doc;
            if count <= 1 {
                gap
            } else {
                format!("{gap}*{}", base36(count))
            }
        })
        .collect();
    encoded.join(",")
}

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::encode_index;
    use crate::search::PortailFrench;
    use elasticlunr::IndexBuilder;
    use serde_json::{json, Map, Value};

    /// The Rust twin of `decodeIndex` in search-core.js, to prove the encoding loses nothing.
    fn decode(encoded: &Value) -> Value {
        let fields: Vec<&str> = encoded["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        let lengths = encoded["lengths"].as_array().unwrap();
        let mut docs = Map::new();
        let mut info = Map::new();
        for (doc, l) in lengths.iter().enumerate() {
            docs.insert(doc.to_string(), json!({}));
            let per_field: Map<String, Value> = fields
                .iter()
                .zip(l.as_array().unwrap())
                .map(|(f, n)| (f.to_string(), n.clone()))
                .collect();
            info.insert(doc.to_string(), Value::Object(per_field));
        }
        let mut index = Map::new();
        for field in &fields {
            let mut root = json!({"docs": {}, "df": 0});
            let encoded_field = &encoded["tokens"][*field];
            let words = encoded_field["words"].as_str().unwrap().split(' ');
            let lists = encoded_field["postings"].as_str().unwrap().split(' ');
            for (token, list) in words.zip(lists).filter(|(w, _)| !w.is_empty()) {
                let mut node = &mut root;
                for c in token.chars() {
                    let key = c.to_string();
                    if node.get(&key).is_none() {
                        node[&key] = json!({"docs": {}, "df": 0});
                    }
                    node = node.get_mut(&key).unwrap();
                }
                let mut doc = 0;
                for posting in list.split(',') {
                    let (gap, count) = posting.split_once('*').unwrap_or((posting, "1"));
                    doc += u64::from_str_radix(gap, 36).unwrap();
                    let count = u64::from_str_radix(count, 36).unwrap();
                    node["docs"][doc.to_string()] = json!({"tf": (count as f64).sqrt()});
                }
                node["df"] = json!(list.split(',').count());
            }
            index.insert(field.to_string(), json!({ "root": root }));
        }
        json!({
            "documentStore": {"docInfo": info, "docs": docs, "length": lengths.len(), "save": false},
            "fields": fields, "index": index, "lang": "French",
            "pipeline": encoded["pipeline"], "ref": encoded["ref"], "version": encoded["version"],
        })
    }

    #[test]
    fn decoding_gives_back_the_elasticlunr_serialization() {
        let mut index = IndexBuilder::with_language(Box::new(PortailFrench))
            .save_docs(false)
            .add_fields(["title", "keywords", "body"])
            .set_ref("id")
            .build();
        index.add_doc(
            "0",
            [
                "Subvention FIR",
                "FIR fonds",
                "Le FIR finance, le FIR soutient.",
            ],
        );
        index.add_doc(
            "1",
            [
                "Évaluation",
                "",
                "l'évaluation d'une expérimentation évaluée",
            ],
        );
        index.add_doc("2", ["", "", ""]);
        let original = serde_json::to_value(&index).unwrap();
        let encoded = encode_index(&original).unwrap();
        let title = &encoded["tokens"]["title"];
        assert_eq!(title["words"], "evalu fir subvent");
        // "evalu" in document 1, the others in document 0.
        assert_eq!(title["postings"], "1 0 0");
        let body = &encoded["tokens"]["body"];
        let words: Vec<&str> = body["words"].as_str().unwrap().split(' ').collect();
        let lists: Vec<&str> = body["postings"].as_str().unwrap().split(' ').collect();
        let fir = words.iter().position(|w| *w == "fir").unwrap();
        assert_eq!(lists[fir], "0*2", "twice in document 0");
        assert_eq!(decode(&encoded), original);
    }

    #[test]
    fn gaps_are_written_in_base_36() {
        assert_eq!(
            super::encode_postings(&[(0, 1), (3, 2), (13, 1), (1309, 40)]),
            "0,3*2,a,100*14"
        );
    }

    #[test]
    fn unexpected_shapes_are_refused() {
        assert_eq!(encode_index(&json!({})), None);
        assert_eq!(
            encode_index(&json!({"fields": ["a"], "documentStore": {"length": 0, "docInfo": {}}})),
            None
        );
    }
}
