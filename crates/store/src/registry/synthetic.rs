//! Import files written from an engine registry (typically a synthetic one from
//! `jisr_targeting::synth`), so that benchmarks and demonstrations fill the database
//! through the same door as real extracts.

use chrono::{Datelike, NaiveDate};
use jisr_targeting::date::format_day;
use jisr_targeting::registry::Registry;
use jisr_targeting::registry::codes::{
    IndexSource, MISSING_DAY, MISSING_U8, MISSING_U16, Relation, Sex,
};
use std::io::{self, Write};

/// The households file and the index file describing `registry`, ages read on `as_of`
/// (each person is born on 1 January of `as_of`'s year minus their age). Households are
/// numbered `SYN-<id>`, persons `SYN-<id>-<n>`; names are placeholders. Households without
/// a commune, and members without an age, sex or relation, are left out.
pub fn synthetic_files(registry: &Registry, as_of: NaiveDate) -> (Vec<u8>, Vec<u8>) {
    let (mut persons, mut index) = (Vec::new(), Vec::new());
    // Writing into memory cannot fail.
    let _ = write_synthetic_files(registry, as_of, &mut persons, &mut index);
    (persons, index)
}

/// The same files as [`synthetic_files`], written as they are made (a national registry's
/// file is larger than the memory it is made from).
pub fn write_synthetic_files(
    registry: &Registry,
    as_of: NaiveDate,
    persons: &mut impl Write,
    index: &mut impl Write,
) -> io::Result<()> {
    let h = &registry.households;
    let p = &registry.persons;
    persons.write_all(
        b"household_key,commune_code,person_key,first_name_lat,last_name_lat,birth_date,sex,relation,disabled,schooling,orphan\n",
    )?;
    index.write_all(b"household_key,value,date,source\n")?;
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
            writeln!(
                persons,
                "SYN-{id},{commune},SYN-{id}-{n},P{n},H{id},{born:04}-01-01,{},{},{},{schooling},{}",
                sex.code(),
                relation.code(),
                flag(p.disabled[m]),
                flag(p.orphan[m]),
            )?;
        }
        let value = h.index[row];
        if value.is_finite() && value > 0.0 && h.index_date[row] != MISSING_DAY {
            let source = IndexSource::from_u8(h.index_source[row]).unwrap_or(IndexSource::Registry);
            writeln!(
                index,
                "SYN-{id},{value},{},{}",
                format_day(h.index_date[row]),
                source.code()
            )?;
        }
    }
    Ok(())
}
