//! Import files written from an engine registry (typically a synthetic one from
//! `jisr_targeting::synth`), so that benchmarks and demonstrations fill the database
//! through the same door as real extracts.

use chrono::{Datelike, NaiveDate};
use jisr_targeting::date::format_day;
use jisr_targeting::registry::Registry;
use jisr_targeting::registry::codes::{
    IndexSource, MISSING_DAY, MISSING_U8, MISSING_U16, Relation, Sex,
};
use std::fmt::Write;

/// The households file and the index file describing `registry`, ages read on `as_of`
/// (each person is born on 1 January of `as_of`'s year minus their age). Households are
/// numbered `SYN-<id>`, persons `SYN-<id>-<n>`; names are placeholders. Households without
/// a commune, and members without an age, sex or relation, are left out.
pub fn synthetic_files(registry: &Registry, as_of: NaiveDate) -> (Vec<u8>, Vec<u8>) {
    let h = &registry.households;
    let p = &registry.persons;
    let mut persons = String::from(
        "household_key,commune_code,person_key,first_name_lat,last_name_lat,birth_date,sex,relation,disabled,schooling,orphan\n",
    );
    let mut index = String::from("household_key,value,date,source\n");
    let flag = |v: u8| match v {
        0 => "0",
        1 => "1",
        _ => "",
    };
    for row in 0..registry.household_count() {
        if h.commune[row] == MISSING_U16 {
            continue;
        }
        let Some(commune) = registry.geo.communes.get(usize::from(h.commune[row])) else {
            continue;
        };
        let id = h.id[row];
        for (n, m) in registry.members(row).enumerate() {
            let (Some(sex), Some(relation)) =
                (Sex::from_u8(p.sex[m]), Relation::from_u8(p.relation[m]))
            else {
                continue;
            };
            if p.age[m] == MISSING_U8 {
                continue;
            }
            let born = as_of.year() - i32::from(p.age[m]);
            let schooling = match p.schooled[m] {
                1 => "enrolled",
                0 if p.age[m] < 18 => "never",
                0 => "left",
                _ => "",
            };
            let _ = writeln!(
                persons,
                "SYN-{id},{commune},SYN-{id}-{n},P{n},H{id},{born:04}-01-01,{},{},{},{schooling},{}",
                sex.code(),
                relation.code(),
                flag(p.disabled[m]),
                flag(p.orphan[m]),
            );
        }
        let value = h.index[row];
        if value.is_finite() && value > 0.0 && h.index_date[row] != MISSING_DAY {
            let source = IndexSource::from_u8(h.index_source[row]).unwrap_or(IndexSource::Registry);
            let _ = writeln!(
                index,
                "SYN-{id},{value},{},{}",
                format_day(h.index_date[row]),
                source.code()
            );
        }
    }
    (persons.into_bytes(), index.into_bytes())
}
