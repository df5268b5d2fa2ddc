//! Byte offsets as editors count: line and column.

/// 1-based (line, column) of a byte offset; columns count characters, not bytes.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "+++\ntitré = 1\n";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 4), (2, 1));
        // 'é' is two bytes: the '=' after "titré " is the 7th character.
        assert_eq!(line_column(src, src.find('=').unwrap()), (2, 7));
        // Inside 'é', and past the end: the nearest position before.
        assert_eq!(line_column(src, 9), (2, 5));
        assert_eq!(line_column(src, 100), (3, 1));
    }
}
