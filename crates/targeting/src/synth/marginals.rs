//! Census marginals that drive the synthetic generator: one row per province and area
//! (urban/rural), and commune weights. They are derived from the HCP RGPH 2024 tables by
//! [`derive_from_census`] and shipped, aggregated, in `data/marginals.csv` and
//! `data/communes.csv` so that nothing outside the crate is read at run time.

use std::collections::HashMap;

/// Percent columns of the age distribution: 0-4, 5-9, …, 70-74, 75+.
pub const AGE_BINS: usize = 16;

/// Marginals of one province and area.
#[derive(Clone, Debug, PartialEq)]
pub struct CellMarginals {
    pub province: String,
    pub region: String,
    /// `"urban"` or `"rural"`.
    pub area: String,
    pub households: u64,
    pub avg_size: f64,
    pub male_pct: f64,
    pub age_pct: [f64; AGE_BINS],
    pub disability_pct: f64,
    pub schooling_6_11_pct: f64,
    /// Population 15+: single, married, divorced, widowed.
    pub marital_pct: [f64; 4],
    /// villa, apartment, moroccan_house, basic_or_slum, rural, other.
    pub dwelling_pct: [f64; 6],
    /// owner, tenant, other.
    pub occupancy_pct: [f64; 3],
    pub electricity_pct: f64,
    pub running_water_pct: f64,
    pub toilet_pct: f64,
    pub people_per_room: f64,
}

/// Households of one commune.
#[derive(Clone, Debug, PartialEq)]
pub struct CommuneWeight {
    pub commune: String,
    pub province: String,
    pub area: String,
    pub households: u64,
}

/// Everything the generator needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Marginals {
    pub cells: Vec<CellMarginals>,
    pub communes: Vec<CommuneWeight>,
}

/// Why marginal or census text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarginalsError {
    MissingColumn {
        file: &'static str,
        column: String,
    },
    InvalidNumber {
        file: &'static str,
        line: usize,
        column: String,
    },
    MissingValue {
        file: &'static str,
        key: String,
        column: String,
    },
    Empty {
        file: &'static str,
    },
}

const CREDIT: &str = "# Source: Haut-Commissariat au Plan, RGPH 2024 (Recensement Général de la Population et de l'Habitat), licence CC BY 4.0.\n";

const CELL_COLUMNS: &[&str] = &[
    "province",
    "region",
    "area",
    "households",
    "avg_size",
    "male_pct",
    "age_0_4",
    "age_5_9",
    "age_10_14",
    "age_15_19",
    "age_20_24",
    "age_25_29",
    "age_30_34",
    "age_35_39",
    "age_40_44",
    "age_45_49",
    "age_50_54",
    "age_55_59",
    "age_60_64",
    "age_65_69",
    "age_70_74",
    "age_75_plus",
    "disability_pct",
    "schooling_6_11_pct",
    "single_pct",
    "married_pct",
    "divorced_pct",
    "widowed_pct",
    "villa_pct",
    "apartment_pct",
    "moroccan_house_pct",
    "basic_or_slum_pct",
    "rural_dwelling_pct",
    "other_dwelling_pct",
    "owner_pct",
    "tenant_pct",
    "other_occupancy_pct",
    "electricity_pct",
    "running_water_pct",
    "toilet_pct",
    "people_per_room",
];

/// A parsed CSV: header and rows; lines starting with `#` are comments.
struct Table<'a> {
    file: &'static str,
    header: HashMap<&'a str, usize>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

fn split_line(line: &str) -> Vec<&str> {
    line.trim_end_matches('\r').split(',').collect()
}

impl<'a> Table<'a> {
    fn parse(file: &'static str, text: &'a str) -> Result<Table<'a>, MarginalsError> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        let (_, head) = lines.next().ok_or(MarginalsError::Empty { file })?;
        let header = split_line(head)
            .into_iter()
            .enumerate()
            .map(|(i, h)| (h, i))
            .collect();
        let rows = lines.map(|(n, l)| (n + 1, split_line(l))).collect();
        Ok(Table { file, header, rows })
    }

    fn col(&self, name: &str) -> Result<usize, MarginalsError> {
        self.header
            .get(name)
            .copied()
            .ok_or_else(|| MarginalsError::MissingColumn {
                file: self.file,
                column: name.to_string(),
            })
    }
}

fn number(t: &Table<'_>, line: usize, row: &[&str], col: &str) -> Result<f64, MarginalsError> {
    let i = t.col(col)?;
    row.get(i)
        .and_then(|s| s.trim().parse().ok())
        .ok_or_else(|| MarginalsError::InvalidNumber {
            file: t.file,
            line,
            column: col.to_string(),
        })
}

fn fmt_num(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    format!("{r}")
}

impl Marginals {
    /// The marginals shipped with the crate.
    pub fn embedded() -> Marginals {
        Marginals::parse(
            include_str!("../../data/marginals.csv"),
            include_str!("../../data/communes.csv"),
        )
        .expect("the shipped marginal files are valid")
    }

    /// Reads the two marginal files written by [`Marginals::to_csv`].
    pub fn parse(cells_csv: &str, communes_csv: &str) -> Result<Marginals, MarginalsError> {
        let t = Table::parse("marginals.csv", cells_csv)?;
        for c in CELL_COLUMNS {
            t.col(c)?;
        }
        let mut cells = Vec::new();
        for (line, row) in &t.rows {
            let n = |c: &str| number(&t, *line, row, c);
            let s = |c: &str| {
                t.col(c)
                    .map(|i| row.get(i).copied().unwrap_or("").to_string())
            };
            let mut age_pct = [0.0; AGE_BINS];
            for (k, slot) in age_pct.iter_mut().enumerate() {
                *slot = n(CELL_COLUMNS[6 + k])?;
            }
            let arr = |from: usize, out: &mut [f64]| -> Result<(), MarginalsError> {
                for (k, slot) in out.iter_mut().enumerate() {
                    *slot = n(CELL_COLUMNS[from + k])?;
                }
                Ok(())
            };
            let (mut marital_pct, mut dwelling_pct, mut occupancy_pct) =
                ([0.0; 4], [0.0; 6], [0.0; 3]);
            arr(24, &mut marital_pct)?;
            arr(28, &mut dwelling_pct)?;
            arr(34, &mut occupancy_pct)?;
            cells.push(CellMarginals {
                province: s("province")?,
                region: s("region")?,
                area: s("area")?,
                households: n("households")? as u64,
                avg_size: n("avg_size")?,
                male_pct: n("male_pct")?,
                age_pct,
                disability_pct: n("disability_pct")?,
                schooling_6_11_pct: n("schooling_6_11_pct")?,
                marital_pct,
                dwelling_pct,
                occupancy_pct,
                electricity_pct: n("electricity_pct")?,
                running_water_pct: n("running_water_pct")?,
                toilet_pct: n("toilet_pct")?,
                people_per_room: n("people_per_room")?,
            });
        }
        let t = Table::parse("communes.csv", communes_csv)?;
        let (ci, pi, ai) = (t.col("commune")?, t.col("province")?, t.col("area")?);
        let mut communes = Vec::new();
        for (line, row) in &t.rows {
            let get = |i: usize| row.get(i).copied().unwrap_or("").to_string();
            communes.push(CommuneWeight {
                commune: get(ci),
                province: get(pi),
                area: get(ai),
                households: number(&t, *line, row, "households")? as u64,
            });
        }
        Ok(Marginals { cells, communes })
    }

    /// The two marginal files, with their source credit.
    pub fn to_csv(&self) -> (String, String) {
        let mut cells = String::from(CREDIT);
        cells.push_str("# Changed: aggregated to one row per province and area (urban/rural), without Casablanca's prefectures of arrondissements\n# (already counted in the Casablanca prefecture); households = provinces.csv households_2024\n");
        cells.push_str("# split by the urban/rural household counts of the indicator tables; other columns copied from the province\n");
        cells.push_str("# and area rows (both sexes), falling back to the province total, then the national row, when a cell is blank.\n");
        cells.push_str(&CELL_COLUMNS.join(","));
        cells.push('\n');
        for c in &self.cells {
            let mut v: Vec<String> = vec![
                c.province.clone(),
                c.region.clone(),
                c.area.clone(),
                c.households.to_string(),
            ];
            v.push(fmt_num(c.avg_size));
            v.push(fmt_num(c.male_pct));
            v.extend(c.age_pct.iter().map(|&x| fmt_num(x)));
            v.push(fmt_num(c.disability_pct));
            v.push(fmt_num(c.schooling_6_11_pct));
            v.extend(
                c.marital_pct
                    .iter()
                    .chain(&c.dwelling_pct)
                    .chain(&c.occupancy_pct)
                    .map(|&x| fmt_num(x)),
            );
            for x in [
                c.electricity_pct,
                c.running_water_pct,
                c.toilet_pct,
                c.people_per_room,
            ] {
                v.push(fmt_num(x));
            }
            cells.push_str(&v.join(","));
            cells.push('\n');
        }
        let mut communes = String::from(CREDIT);
        communes.push_str("# Changed: reduced to commune code, province code, area (commune type) and households_2024 from communes.csv.\n");
        communes.push_str("commune,province,area,households\n");
        for c in &self.communes {
            communes.push_str(&format!(
                "{},{},{},{}\n",
                c.commune, c.province, c.area, c.households
            ));
        }
        (cells, communes)
    }
}

/// Derives the marginals from the HCP census files (`provinces.csv`,
/// `indicators_households.csv`, `indicators_people.csv`, `communes.csv`).
pub fn derive_from_census(
    provinces_csv: &str,
    households_csv: &str,
    people_csv: &str,
    communes_csv: &str,
) -> Result<Marginals, MarginalsError> {
    let prov = Table::parse("provinces.csv", provinces_csv)?;
    let hh = Table::parse("indicators_households.csv", households_csv)?;
    let pp = Table::parse("indicators_people.csv", people_csv)?;
    let (hc, hl, ha) = (hh.col("code")?, hh.col("level")?, hh.col("area")?);
    let (pc, pl, pa, ps) = (
        pp.col("code")?,
        pp.col("level")?,
        pp.col("area")?,
        pp.col("sex")?,
    );
    // (code, area) -> row; the national row has an empty code.
    let mut hrows: HashMap<(String, String), (usize, &Vec<&str>)> = HashMap::new();
    for (line, r) in &hh.rows {
        if matches!(r.get(hl).copied(), Some("province" | "country")) {
            hrows.insert((r[hc].to_string(), r[ha].to_string()), (*line, r));
        }
    }
    let mut prows: HashMap<(String, String), (usize, &Vec<&str>)> = HashMap::new();
    for (line, r) in &pp.rows {
        if matches!(r.get(pl).copied(), Some("province" | "country"))
            && r.get(ps).copied() == Some("all")
        {
            prows.insert((r[pc].to_string(), r[pa].to_string()), (*line, r));
        }
    }
    // A value from the area row, else the province total, else the national total.
    fn pick(
        t: &Table<'_>,
        rows: &HashMap<(String, String), (usize, &Vec<&str>)>,
        code: &str,
        area: &str,
        col: &str,
    ) -> Result<f64, MarginalsError> {
        let i = t.col(col)?;
        for key in [(code, area), (code, "total"), ("", "total")] {
            if let Some((_, r)) = rows.get(&(key.0.to_string(), key.1.to_string())) {
                if let Some(v) = r.get(i).and_then(|s| s.trim().parse::<f64>().ok()) {
                    return Ok(v);
                }
            }
        }
        Err(MarginalsError::MissingValue {
            file: t.file,
            key: format!("{code}/{area}"),
            column: col.to_string(),
        })
    }

    let (code_i, region_i, type_i) = (
        prov.col("code")?,
        prov.col("region_code")?,
        prov.col("type")?,
    );
    let mut cells = Vec::new();
    for (line, r) in &prov.rows {
        let code = r[code_i];
        // Casablanca's prefectures of arrondissements subdivide the Casablanca prefecture,
        // which is already counted.
        if r.get(type_i).copied() == Some("prefecture_of_arrondissements") {
            continue;
        }
        let total = number(&prov, *line, r, "households_2024")?;
        let area_count = |area: &str| {
            hrows
                .get(&(code.to_string(), area.to_string()))
                .and_then(|(_, row)| {
                    row.get(hh.col("households_count").ok()?)
                        .and_then(|s| s.parse::<f64>().ok())
                })
        };
        let (u, ru) = (
            area_count("urban").unwrap_or(0.0),
            area_count("rural").unwrap_or(0.0),
        );
        for (area, count) in [("urban", u), ("rural", ru)] {
            if count <= 0.0 || u + ru <= 0.0 {
                continue;
            }
            let h = |c: &str| pick(&hh, &hrows, code, area, c);
            let p = |c: &str| pick(&pp, &prows, code, area, c);
            let mut age_pct = [0.0; AGE_BINS];
            for (k, slot) in age_pct.iter_mut().enumerate() {
                *slot = p(CELL_COLUMNS[6 + k])?;
            }
            cells.push(CellMarginals {
                province: code.to_string(),
                region: r[region_i].to_string(),
                area: area.to_string(),
                households: (total * count / (u + ru)).round() as u64,
                avg_size: h("households_average_size")?,
                male_pct: p("sex_male")?,
                age_pct,
                disability_pct: p("disability_prevalence")?,
                schooling_6_11_pct: p("schooling_rate_6_to_11")?,
                marital_pct: [
                    p("marital_status_single")?,
                    p("marital_status_married")?,
                    p("marital_status_divorced")?,
                    p("marital_status_widowed")?,
                ],
                dwelling_pct: [
                    h("dwelling_type_villa")?,
                    h("dwelling_type_apartment")?,
                    h("dwelling_type_moroccan_house")?,
                    h("dwelling_type_basic_or_slum")?,
                    h("dwelling_type_rural")?,
                    h("dwelling_type_other")?,
                ],
                occupancy_pct: [
                    h("occupancy_owner")?,
                    h("occupancy_tenant")?,
                    h("occupancy_other")?,
                ],
                electricity_pct: h("amenities_electricity")?,
                running_water_pct: h("amenities_running_water")?,
                toilet_pct: h("amenities_toilet")?,
                people_per_room: h("households_people_per_room")?,
            });
        }
    }
    let ct = Table::parse("communes.csv", communes_csv)?;
    let (cc, cp, ctype) = (ct.col("code")?, ct.col("province_code")?, ct.col("type")?);
    let mut communes = Vec::new();
    for (line, r) in &ct.rows {
        communes.push(CommuneWeight {
            commune: r[cc].to_string(),
            province: r[cp].to_string(),
            area: r[ctype].to_string(),
            households: number(&ct, *line, r, "households_2024")? as u64,
        });
    }
    Ok(Marginals { cells, communes })
}

/// Directory of the HCP census files when the project's shared data is beside the work tree
/// (development machines and CI), found by walking up from this crate.
pub fn census_dir() -> Option<std::path::PathBuf> {
    let mut dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        let candidate = dir.join("shared").join("data").join("geo");
        if candidate.join("indicators_people.csv").is_file() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

/// Derives the marginals from the census files in `dir`.
pub fn derive_from_dir(dir: &std::path::Path) -> Result<Marginals, String> {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).map_err(|e| format!("{f}: {e}"));
    derive_from_census(
        &read("provinces.csv")?,
        &read("indicators_households.csv")?,
        &read("indicators_people.csv")?,
        &read("communes.csv")?,
    )
    .map_err(|e| format!("{e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_round_trip() {
        let m = Marginals::embedded();
        assert!(m.cells.len() > 100, "{}", m.cells.len());
        assert!(m.communes.len() > 1000);
        let (a, b) = m.to_csv();
        assert_eq!(Marginals::parse(&a, &b).unwrap(), m);
        for c in &m.cells {
            let ages: f64 = c.age_pct.iter().sum();
            assert!(
                (ages - 100.0).abs() < 2.0,
                "{} {} {ages}",
                c.province,
                c.area
            );
            assert!(c.avg_size > 1.5 && c.avg_size < 8.0);
        }
    }

    #[test]
    fn shipped_files_match_the_census() {
        // The census tables live in the project's shared data, beside the work tree; when they
        // are not there (a copy of the crate alone) there is nothing to compare with.
        let Some(dir) = census_dir() else { return };
        let derived = derive_from_dir(&dir).unwrap();
        let (cells, communes) = derived.to_csv();
        assert_eq!(cells, include_str!("../../data/marginals.csv"));
        assert_eq!(communes, include_str!("../../data/communes.csv"));
    }

    #[test]
    fn reports_missing_columns_and_bad_numbers() {
        assert_eq!(
            Marginals::parse("province,region\n", "commune\n"),
            Err(MarginalsError::MissingColumn {
                file: "marginals.csv",
                column: "area".into()
            })
        );
        let (cells, _) = Marginals::embedded().to_csv();
        let broken = cells.replacen(",urban,", ",urban,x", 1);
        assert!(matches!(
            Marginals::parse(&broken, "commune,province,area,households\n"),
            Err(MarginalsError::InvalidNumber { column, .. }) if column == "households"
        ));
    }
}
