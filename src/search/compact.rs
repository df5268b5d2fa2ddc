//! Shrinks elasticlunr's serialized index without changing what it means.
//!
//! elasticlunr stores its inverted index as a trie with one object per character, and every
//! intermediate node carries `"docs":{},"df":0`; term frequencies are square roots written with
//! 17 digits. Dropping the empty defaults and rounding the frequencies roughly halves the index;
//! `restoreDefaults` in `static/search-core.js` puts the defaults back before
//! `elasticlunr.Index.load`, so the client sees the exact elasticlunr format.

use serde_json::{Map, Number, Value};

/// Term frequencies keep this many decimals: ranking never depends on the fourth one.
const TF_DECIMALS: i32 = 3;

/// Compacts every field's trie in an elasticlunr index serialized as JSON.
pub fn compact_index(index: &mut Value) {
    if let Some(fields) = index.get_mut("index").and_then(Value::as_object_mut) {
        for field in fields.values_mut() {
            if let Some(root) = field.get_mut("root").and_then(Value::as_object_mut) {
                compact_node(root);
            }
        }
    }
    // The document store only needs its keys (elasticlunr checks `ref in docs`); it is empty
    // objects already because documents are not saved.
}

fn compact_node(node: &mut Map<String, Value>) {
    if node.get("df").and_then(Value::as_i64) == Some(0) {
        node.remove("df");
    }
    let empty_docs = node
        .get("docs")
        .and_then(Value::as_object)
        .is_some_and(Map::is_empty);
    if empty_docs {
        node.remove("docs");
    } else if let Some(docs) = node.get_mut("docs").and_then(Value::as_object_mut) {
        for posting in docs.values_mut() {
            if let Some(tf) = posting.get_mut("tf") {
                *tf = round(tf);
            }
        }
    }
    for (key, child) in node.iter_mut() {
        if key != "docs" {
            if let Some(child) = child.as_object_mut() {
                compact_node(child);
            }
        }
    }
}

/// Rounds a number to [`TF_DECIMALS`], written as an integer when it is one (`1`, not `1.0`).
fn round(value: &Value) -> Value {
    let Some(x) = value.as_f64() else {
        return value.clone();
    };
    let scale = 10f64.powi(TF_DECIMALS);
    let rounded = (x * scale).round() / scale;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        Value::from(rounded as i64)
    } else {
        Number::from_f64(rounded).map_or(Value::Null, Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::compact_index;
    use serde_json::json;

    #[test]
    fn drops_empty_defaults_and_rounds_frequencies() {
        let mut index = json!({"index": {"body": {"root": {
            "docs": {}, "df": 0,
            "f": {"docs": {}, "df": 0,
                "i": {"docs": {}, "df": 0,
                    "r": {"docs": {"0": {"tf": 1.0}, "3": {"tf": 1.4142135623730951}}, "df": 2}}}
        }}}});
        compact_index(&mut index);
        assert_eq!(
            index,
            json!({"index": {"body": {"root": {
                "f": {"i": {"r": {"docs": {"0": {"tf": 1}, "3": {"tf": 1.414}}, "df": 2}}}
            }}}})
        );
    }
}
