//! The WebAssembly boundary. JavaScript writes UTF-8 into memory obtained
//! from `wz_alloc`, calls `wz_load` once with the data JSON, then `wz_eval`
//! with `today` (YYYY-MM-DD) and the fragment; the result JSON is read at
//! `wz_out_ptr()` for the returned length.

use crate::answers::Answers;
use crate::engine::evaluate_model;
use crate::facts::Facts;
use crate::model::Model;
use miniserde::{json, Deserialize};
use std::cell::RefCell;

#[derive(Deserialize)]
struct BrowserData {
    model: Model,
    facts: Facts,
}

thread_local! {
    static DATA: RefCell<Option<BrowserData>> = const { RefCell::new(None) };
    static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Memory for JavaScript to write `len` bytes into; freed by `wz_free`.
#[no_mangle]
pub extern "C" fn wz_alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// # Safety
/// `ptr` and `len` must come from one `wz_alloc` call.
#[no_mangle]
pub unsafe extern "C" fn wz_free(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len));
}

unsafe fn read(ptr: *const u8, len: usize) -> String {
    let bytes = std::slice::from_raw_parts(ptr, len);
    String::from_utf8_lossy(bytes).into_owned()
}

/// Loads the data JSON; returns 1 on success, 0 if it does not parse.
///
/// # Safety
/// `ptr..ptr+len` must be initialised memory from `wz_alloc`.
#[no_mangle]
pub unsafe extern "C" fn wz_load(ptr: *const u8, len: usize) -> u32 {
    let text = read(ptr, len);
    match json::from_str::<BrowserData>(&text) {
        Ok(data) => {
            DATA.with(|d| *d.borrow_mut() = Some(data));
            1
        }
        Err(_) => 0,
    }
}

/// Evaluates `"YYYY-MM-DD\nfragment"`; returns the output length (0 if not loaded).
///
/// # Safety
/// `ptr..ptr+len` must be initialised memory from `wz_alloc`.
#[no_mangle]
pub unsafe extern "C" fn wz_eval(ptr: *const u8, len: usize) -> usize {
    let input = read(ptr, len);
    let (browser_today, fragment) = input.split_once('\n').unwrap_or(("", input.as_str()));
    let result = DATA.with(|d| {
        let data = d.borrow();
        let data = data.as_ref()?;
        // A page opened after its build date judges calls on the later date.
        let today = if browser_today > data.facts.today.as_str() {
            browser_today
        } else {
            data.facts.today.as_str()
        };
        let answers = Answers::from_fragment(fragment);
        Some(json::to_string(&evaluate_model(
            &data.model,
            &data.facts,
            &answers,
            today,
        )))
    });
    let bytes = result.unwrap_or_default().into_bytes();
    let len = bytes.len();
    OUT.with(|o| *o.borrow_mut() = bytes);
    len
}

#[no_mangle]
pub extern "C" fn wz_out_ptr() -> *const u8 {
    OUT.with(|o| o.borrow().as_ptr())
}
