//! Social registry storage: imports, scoped reads and the loader of the targeting engine.
//! Each test runs on a fresh SQLite database, and again on PostgreSQL when
//! `JISR_TEST_DATABASE_URL` is set.

use chrono::NaiveDate;
use jisr_domain::access::{Role, Scope};
use jisr_domain::geo::{ProvinceCode, RegionCode};
use jisr_store::audit::{self, Actor};
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::registry::{self, Counts, HouseholdFilter, ImportError, ImportReport, Scoped};
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};
use jisr_targeting::registry::codes::{IndexSource, Residence};

fn cli() -> Actor {
    Actor::system("test")
}

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/registry/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn with_geography(store: &Store) {
    geo::import(store, &GeoSource::embedded(), &cli(), &Silent)
        .await
        .unwrap();
}

async fn import(store: &Store, name: &str) -> ImportReport {
    registry::import_households(store, &cli(), data(name).as_slice(), &Silent)
        .await
        .unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

async fn import_index(store: &Store, name: &str) {
    registry::import_index_values(store, &cli(), data(name).as_slice(), &Silent)
        .await
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
}

fn national(store: &Store) -> Scoped<'_> {
    Scoped::unscoped_for_system_jobs(store)
}

fn counts(inserted: u64, updated: u64, unchanged: u64) -> Counts {
    Counts {
        inserted,
        updated,
        unchanged,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (line, column, code) of each refusal.
fn refusals(err: ImportError) -> Vec<(u64, Option<&'static str>, &'static str)> {
    match err {
        ImportError::Rows(rows) => rows
            .iter()
            .map(|r| (r.line, r.column, r.problem.code()))
            .collect(),
        other => panic!("expected refused rows, got {other:?}"),
    }
}

#[tokio::test]
async fn a_good_file_imports_and_a_second_import_changes_nothing() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let audit_before = audit::count(&store).await.unwrap();
        let first = import(&store, "households.csv").await;
        assert_eq!(first.rows, 8);
        assert_eq!(first.households, counts(3, 0, 0));
        assert_eq!(first.persons, counts(8, 0, 0));
        assert_eq!((first.stays_opened, first.stays_closed), (8, 0));
        assert_eq!(first.file_sha256.len(), 64);
        assert_eq!(audit::count(&store).await.unwrap(), audit_before + 1);
        let entry = &audit::search(&store, &audit::Search::default(), 1)
            .await
            .unwrap()[0];
        assert_eq!(
            (entry.action.as_str(), entry.entity_id.as_str()),
            ("registry.import", first.file_sha256.as_str())
        );
        assert!(entry.after.contains("\"inserted\":8"), "{}", entry.after);
        assert!(
            !entry.after.contains("Alaoui"),
            "no personal data in the trail"
        );

        let second = import(&store, "households.csv").await;
        assert_eq!(second.households, counts(0, 0, 3));
        assert_eq!(second.persons, counts(0, 0, 8));
        assert_eq!((second.stays_opened, second.stays_closed), (0, 0));
        assert!(!second.changed());
        assert_eq!(second.file_sha256, first.file_sha256);
        assert_eq!(
            audit::count(&store).await.unwrap(),
            audit_before + 1,
            "a no-op import is not audited"
        );

        let h = national(&store)
            .household_by_key("RSU-07-0001")
            .await
            .unwrap();
        assert_eq!(
            (h.commune_code.as_str(), h.province_code.as_str()),
            ("07.427.01.01", "07.427")
        );
        let detail = national(&store).get(h.id).await.unwrap();
        assert_eq!(detail.members.len(), 4);
        assert_eq!(detail.members[0].stay.relation, "head");
        assert_eq!(detail.members[0].person.cin.as_deref(), Some("EE123456"));
        let youssef = detail
            .members
            .iter()
            .find(|m| m.person.population_register_id.as_deref() == Some("1234567890"))
            .unwrap();
        assert_eq!(youssef.person.disabled, Some(true));
        assert_eq!(
            youssef.person.disability_card_date.as_deref(),
            Some("2019-03-10")
        );
        assert_eq!(youssef.person.schooling.as_deref(), Some("enrolled"));
        assert_eq!(detail.members[0].stay.from_date, "2020-01-15");
        let aicha = national(&store)
            .household_by_key("RSU-07-0002")
            .await
            .unwrap();
        let aicha = national(&store).get(aicha.id).await.unwrap();
        assert_eq!(aicha.members[0].person.cin.as_deref(), Some("E98765"));
        assert!(audit::verify(&store).await.unwrap().first_break.is_none());
    })
    .await;
}

#[tokio::test]
async fn a_file_with_bad_rows_reports_each_and_imports_nothing() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let audit_before = audit::count(&store).await.unwrap();
        let err = registry::import_households(
            &store,
            &cli(),
            data("households-bad.csv").as_slice(),
            &Silent,
        )
        .await
        .unwrap_err();
        assert_eq!(err.code(), "registry-import-rows");
        assert_eq!(
            refusals(err),
            vec![
                (2, Some("cin"), "registry-cin"),
                (3, Some("commune_code"), "registry-unknown-commune"),
                (4, Some("birth_date"), "registry-date-in-future"),
                (4, Some("sex"), "registry-sex"),
                (5, None, "registry-no-person-key"),
                (7, None, "registry-duplicate-person"),
                (
                    8,
                    Some("disability_card_number"),
                    "registry-disability-card-without-flag"
                ),
                (10, None, "registry-name-missing"),
                (11, Some("commune_code"), "registry-household-mismatch"),
                (12, Some("relation"), "registry-head-count"),
                (13, None, "registry-malformed-row"),
            ]
        );
        let (list, total) = national(&store)
            .list(&HouseholdFilter::default())
            .await
            .unwrap();
        assert_eq!((list.len(), total), (0, 0));
        assert_eq!(audit::count(&store).await.unwrap(), audit_before);

        // A good file with one bad line appended imports nothing either.
        let mut text = data("households.csv");
        text.extend_from_slice(
            "RSU-07-0009,07.427.01.01,,,,IMP-9,,,Ali,Amrani,1980-02-30,male,head,,,,,,\n"
                .as_bytes(),
        );
        let err = registry::import_households(&store, &cli(), text.as_slice(), &Silent)
            .await
            .unwrap_err();
        assert_eq!(
            refusals(err),
            vec![(10, Some("birth_date"), "registry-date")]
        );
        let (_, total) = national(&store)
            .list(&HouseholdFilter::default())
            .await
            .unwrap();
        assert_eq!(total, 0);

        // Columns are checked before any line.
        let err = registry::import_households(
            &store,
            &cli(),
            "household_key,commune,sex\n".as_bytes(),
            &Silent,
        )
        .await
        .unwrap_err();
        match err {
            ImportError::Columns { missing, unknown } => {
                assert_eq!(missing, vec!["commune_code", "birth_date", "relation"]);
                assert_eq!(unknown, vec!["commune".to_owned()]);
            }
            other => panic!("{other:?}"),
        }
    })
    .await;
}

#[tokio::test]
async fn identity_conflicts_are_refused_with_their_line() {
    each_backend(|store| async move {
        with_geography(&store).await;
        import(&store, "households.csv").await;
        // Mohamed's CIN with Youssef's register id: two different persons.
        let text = "household_key,commune_code,cin,population_register_id,first_name_lat,last_name_lat,birth_date,sex,relation\n\
                    RSU-07-0001,07.427.01.01,EE123456,1234567890,Mohamed,Alaoui,1975-04-12,male,head\n\
                    RSU-07-0001,07.427.01.01,XYZ,,Ali,Alaoui,2001-04-12,male,child\n";
        let err = registry::import_households(&store, &cli(), text.as_bytes(), &Silent)
            .await
            .unwrap_err();
        // Both kinds of refusal come in one report.
        assert_eq!(
            refusals(err),
            vec![
                (2, None, "registry-identity-conflict"),
                (3, Some("cin"), "registry-cin"),
            ]
        );
        // A move dated before the current stay began.
        let text = "household_key,commune_code,cin,first_name_lat,last_name_lat,birth_date,sex,relation,member_since\n\
                    RSU-07-0008,07.427.01.01,EE234567,Fatima,Alaoui,1980-09-30,female,head,2019-01-01\n";
        let err = registry::import_households(&store, &cli(), text.as_bytes(), &Silent)
            .await
            .unwrap_err();
        assert_eq!(
            refusals(err),
            vec![(2, Some("member_since"), "registry-move-before-current-stay")]
        );
    })
    .await;
}

#[tokio::test]
async fn a_move_between_households_keeps_history() {
    each_backend(|store| async move {
        with_geography(&store).await;
        import(&store, "households.csv").await;
        let audit_before = audit::count(&store).await.unwrap();
        let moved = import(&store, "households-move.csv").await;
        assert_eq!(moved.households, counts(1, 0, 1));
        assert_eq!(moved.persons, counts(0, 0, 3));
        // Fatima moves out; Salma, absent from her household's lines, has left.
        assert_eq!((moved.stays_opened, moved.stays_closed), (1, 2));
        assert_eq!(audit::count(&store).await.unwrap(), audit_before + 1);

        let scoped = national(&store);
        let old = scoped.household_by_key("RSU-07-0001").await.unwrap();
        let new = scoped.household_by_key("RSU-07-0003").await.unwrap();
        let old_detail = scoped.get(old.id).await.unwrap();
        assert_eq!(old_detail.members.len(), 2);
        assert_eq!(old_detail.former_members.len(), 2);
        let fatima = old_detail
            .former_members
            .iter()
            .find(|m| m.person.cin.as_deref() == Some("EE234567"))
            .unwrap();
        assert_eq!(fatima.stay.to_date.as_deref(), Some("2024-05-01"));
        let stays = scoped.stays_of(fatima.person.id).await.unwrap();
        assert_eq!(stays.len(), 2);
        assert_eq!(stays[0].household.id, old.id);
        assert_eq!(
            (
                stays[0].stay.from_date.as_str(),
                stays[0].stay.to_date.as_deref()
            ),
            ("2020-01-15", Some("2024-05-01"))
        );
        assert_eq!(stays[1].household.id, new.id);
        assert_eq!(
            (
                stays[1].stay.from_date.as_str(),
                stays[1].stay.to_date.as_deref(),
                stays[1].stay.relation.as_str()
            ),
            ("2024-05-01", None, "head")
        );
        let new_detail = scoped.get(new.id).await.unwrap();
        assert_eq!(new_detail.members.len(), 1);

        // The same move again changes nothing.
        let again = import(&store, "households-move.csv").await;
        assert!(!again.changed(), "{again:?}");
        assert_eq!(audit::count(&store).await.unwrap(), audit_before + 1);
    })
    .await;
}

#[tokio::test]
async fn index_values_are_kept_dated_and_the_latest_valid_is_used() {
    each_backend(|store| async move {
        with_geography(&store).await;
        import(&store, "households.csv").await;
        let audit_before = audit::count(&store).await.unwrap();
        let first =
            registry::import_index_values(&store, &cli(), data("index.csv").as_slice(), &Silent)
                .await
                .unwrap();
        assert_eq!(first.values, counts(5, 0, 0));
        assert_eq!(audit::count(&store).await.unwrap(), audit_before + 1);
        let again =
            registry::import_index_values(&store, &cli(), data("index.csv").as_slice(), &Silent)
                .await
                .unwrap();
        assert_eq!(again.values, counts(0, 0, 5));
        assert_eq!(audit::count(&store).await.unwrap(), audit_before + 1);

        let scoped = national(&store);
        let h = scoped.household_by_key("RSU-07-0001").await.unwrap();
        let detail = scoped.get(h.id).await.unwrap();
        assert_eq!(detail.index_history.len(), 3);
        assert_eq!(detail.index_history[0].date, "2025-01-10");
        // The declared value of 2025-01-10 expired on 2025-02-10.
        let current = detail.index.as_ref().unwrap();
        assert_eq!((current.value, current.date.as_str()), (8.75, "2024-06-15"));
        let on = |d| registry::latest_valid_value(&detail.index_history, d).map(|v| v.value);
        assert_eq!(on(day(2022, 1, 1)), None);
        assert_eq!(on(day(2023, 1, 1)), Some(9.12));
        assert_eq!(on(day(2025, 2, 1)), Some(7.5));
        assert_eq!(on(day(2025, 2, 11)), Some(8.75));

        // A corrected value for the same day and source replaces the stored one.
        let fix = "household_key,value,date\nRSU-07-0001,8.5,2024-06-15\n";
        let fixed = registry::import_index_values(&store, &cli(), fix.as_bytes(), &Silent)
            .await
            .unwrap();
        assert_eq!(fixed.values, counts(0, 1, 0));
        let detail = scoped.get(h.id).await.unwrap();
        assert_eq!(detail.index.map(|v| v.value), Some(8.5));

        let (list, _) = scoped.list(&HouseholdFilter::default()).await.unwrap();
        let tanger = list
            .iter()
            .find(|s| s.household.household_key == "RSU-01-0001")
            .unwrap();
        assert_eq!(tanger.members, 2);
        assert_eq!(
            tanger.index.as_ref().map(|v| (v.value, v.source.as_str())),
            Some((9.9, "staff"))
        );

        let err = registry::import_index_values(
            &store,
            &cli(),
            data("index-bad.csv").as_slice(),
            &Silent,
        )
        .await
        .unwrap_err();
        assert_eq!(
            refusals(err),
            vec![
                (2, Some("value"), "registry-index-value"),
                (3, Some("household_key"), "registry-unknown-household"),
                (5, None, "registry-duplicate-index-value"),
                (6, Some("date"), "registry-date"),
                (6, Some("source"), "registry-index-source"),
            ]
        );
        let detail = scoped.get(h.id).await.unwrap();
        assert_eq!(detail.index_history.len(), 3, "nothing imported");
    })
    .await;
}

#[tokio::test]
async fn scoped_reads_refuse_other_provinces() {
    each_backend(|store| async move {
        with_geography(&store).await;
        import(&store, "households.csv").await;
        let rehamna = ProvinceCode::parse("07.427").unwrap();
        let tanger = ProvinceCode::parse("01.511").unwrap();
        let tangier_officer = [(Role::ProvincialOfficer, Scope::Province(tanger.clone()))];
        let scoped = Scoped::new(&store, &tangier_officer);
        let ours = national(&store)
            .household_by_key("RSU-01-0001")
            .await
            .unwrap();
        let theirs = national(&store)
            .household_by_key("RSU-07-0001")
            .await
            .unwrap();
        assert!(matches!(
            scoped.get(theirs.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            scoped.household_by_key("RSU-07-0001").await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(scoped.get(ours.id).await.unwrap().members.len(), 2);
        let (list, total) = scoped.list(&HouseholdFilter::default()).await.unwrap();
        assert_eq!(total, 1);
        assert_eq!(list[0].household.household_key, "RSU-01-0001");
        // Asking for another province through the filter gives nothing either.
        let (_, total) = scoped
            .list(&HouseholdFilter {
                province: Some(rehamna.clone()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(total, 0);
        // A person living in another province is not found.
        let fatima = national(&store).get(theirs.id).await.unwrap().members[1]
            .person
            .id;
        assert!(matches!(
            scoped.stays_of(fatima).await,
            Err(StoreError::NotFound)
        ));

        let region = Scoped::new(
            &store,
            &[(
                Role::RegionalCoordinator,
                Scope::Region(RegionCode::parse("07").unwrap()),
            )],
        );
        let (_, total) = region.list(&HouseholdFilter::default()).await.unwrap();
        assert_eq!(total, 2);
        let (list, total) = region
            .list(&HouseholdFilter {
                key: Some("RSU-07-0002".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!((list.len(), total), (1, 1));
        let manager = Scoped::new(
            &store,
            &[(Role::EstablishmentManager, Scope::Establishment(1))],
        );
        let (_, total) = manager.list(&HouseholdFilter::default()).await.unwrap();
        assert_eq!(total, 0);
        let nobody = Scoped::new(&store, &[]);
        assert!(matches!(
            nobody.get(ours.id).await,
            Err(StoreError::NotFound)
        ));
    })
    .await;
}

#[tokio::test]
async fn the_loader_fills_the_engine_registry() {
    each_backend(|store| async move {
        with_geography(&store).await;
        import(&store, "households.csv").await;
        import_index(&store, "index.csv").await;
        let as_of = day(2025, 3, 1);
        let reg = registry::load_as_of(&store, &Scope::National, as_of)
            .await
            .unwrap();
        assert_eq!((reg.household_count(), reg.person_count()), (3, 8));
        assert_eq!(reg.geo.communes.len(), 1503);
        assert_eq!(reg.geo.provinces.len(), 83);
        let h = &reg.households;
        let scoped = national(&store);
        let alaoui = scoped.household_by_key("RSU-07-0001").await.unwrap();
        let row = reg.position_of(alaoui.id as u64).unwrap();
        assert_eq!(h.size[row], 4);
        assert_eq!(h.index[row], 8.75);
        assert_eq!(h.index_source[row], IndexSource::Registry as u8);
        assert_eq!(h.head_age[row], 49);
        assert_eq!(h.children_under_18[row], 2);
        assert_eq!(h.schooled_children[row], 2);
        assert_eq!(h.disabled_members[row], 1);
        assert_eq!(h.residence[row], Residence::Urban as u8);
        assert_eq!(reg.geo.provinces[usize::from(h.province[row])], "07.427");
        assert_eq!(
            reg.geo.communes[usize::from(h.commune[row])],
            "07.427.01.01"
        );
        let bennani = scoped.household_by_key("RSU-07-0002").await.unwrap();
        let row = reg.position_of(bennani.id as u64).unwrap();
        assert_eq!(
            (h.residence[row], h.orphans[row]),
            (Residence::Rural as u8, 1)
        );
        assert_eq!(h.elderly_60_plus[row], 1);

        // On an earlier day the older value is the valid one.
        let earlier = registry::load_as_of(&store, &Scope::National, day(2023, 6, 1))
            .await
            .unwrap();
        let row = earlier.position_of(alaoui.id as u64).unwrap();
        assert!((earlier.households.index[row] - 9.12).abs() < 1e-6);

        let rehamna = ProvinceCode::parse("07.427").unwrap();
        let province = registry::load_as_of(&store, &Scope::Province(rehamna), as_of)
            .await
            .unwrap();
        assert_eq!(
            (province.household_count(), province.person_count()),
            (2, 6)
        );
        let region = registry::load(&store, &Scope::Region(RegionCode::parse("01").unwrap()))
            .await
            .unwrap();
        assert_eq!((region.household_count(), region.person_count()), (1, 2));

        // After the move, the loader follows current stays only.
        import(&store, "households-move.csv").await;
        let reg = registry::load(&store, &Scope::National).await.unwrap();
        assert_eq!((reg.household_count(), reg.person_count()), (4, 7));
    })
    .await;
}

/// A synthetic registry written as import files, imported, and loaded back.
async fn round_trip(store: &Store, households: usize) {
    use jisr_targeting::synth::{Marginals, generate};
    let as_of = day(2025, 7, 1);
    let synthetic = generate(&Marginals::embedded(), households, 7);
    let (persons_csv, index_csv) = registry::synthetic_files(&synthetic, as_of);
    let report = registry::import_households(store, &cli(), persons_csv.as_slice(), &Silent)
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    registry::import_index_values(store, &cli(), index_csv.as_slice(), &Silent)
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let loaded = registry::load_as_of(store, &Scope::National, as_of)
        .await
        .unwrap();

    let with_commune = |r: &jisr_targeting::registry::Registry| {
        (0..r.household_count())
            .filter(|&i| r.households.commune[i] != jisr_targeting::registry::MISSING_U16)
            .collect::<Vec<_>>()
    };
    let rows = with_commune(&synthetic);
    assert_eq!(report.households.inserted as usize, rows.len());
    assert_eq!(loaded.household_count(), rows.len());
    let persons: usize = rows.iter().map(|&i| synthetic.members(i).len()).sum();
    assert_eq!(loaded.person_count(), persons);
    let sum = |r: &jisr_targeting::registry::Registry,
               rows: &[usize],
               col: fn(&jisr_targeting::registry::Households) -> &Vec<u8>| {
        rows.iter()
            .map(|&i| u64::from(col(&r.households)[i]))
            .sum::<u64>()
    };
    let all: Vec<usize> = (0..loaded.household_count()).collect();
    let columns: [fn(&jisr_targeting::registry::Households) -> &Vec<u8>; 9] = [
        |h| &h.size,
        |h| &h.children_under_18,
        |h| &h.elderly_60_plus,
        |h| &h.female_members,
        |h| &h.head_age,
        |h| &h.residence,
        |h| &h.schooled_children,
        |h| &h.orphans,
        |h| &h.disabled_members,
    ];
    for col in columns {
        assert_eq!(sum(&loaded, &all, col), sum(&synthetic, &rows, col));
    }
    let index = |r: &jisr_targeting::registry::Registry, rows: &[usize]| {
        let v: Vec<f32> = rows
            .iter()
            .map(|&i| r.households.index[i])
            .filter(|v| v.is_finite())
            .collect();
        (v.len(), v.iter().map(|x| f64::from(*x)).sum::<f64>())
    };
    let (n_loaded, s_loaded) = index(&loaded, &all);
    let (n_synth, s_synth) = index(&synthetic, &rows);
    assert_eq!(n_loaded, n_synth);
    assert!((s_loaded - s_synth).abs() < 1e-3, "{s_loaded} {s_synth}");
}

#[tokio::test]
async fn a_synthetic_registry_round_trips_through_the_database() {
    each_backend(|store| async move {
        with_geography(&store).await;
        round_trip(&store, 1500).await;
    })
    .await;
}

#[tokio::test]
async fn values_the_bulk_path_escapes_arrive_as_typed() {
    each_backend(|store| async move {
        with_geography(&store).await;
        // Backslashes, quotes and a line break inside a quoted address: the staging copy's
        // text format reserves some of them.
        let text = "household_key,commune_code,address,person_key,first_name_lat,last_name_lat,birth_date,sex,relation\n\
                    RSU-07-0100,07.427.01.01,\"Derb \\N, l'\"\"Oasis\"\"\nBloc\\2\",ESC-1,Ab\\dellah,D'Souza,1970-01-01,male,head\n";
        let report = registry::import_households(&store, &cli(), text.as_bytes(), &Silent)
            .await
            .unwrap();
        assert_eq!(report.persons, counts(1, 0, 0));
        let scoped = national(&store);
        let h = scoped.household_by_key("RSU-07-0100").await.unwrap();
        assert_eq!(h.address, "Derb \\N, l'\"Oasis\"\nBloc\\2");
        let detail = scoped.get(h.id).await.unwrap();
        let p = &detail.members[0].person;
        assert_eq!((p.first_name_lat.as_str(), p.last_name_lat.as_str()), ("Ab\\dellah", "D'Souza"));
        // The same file again: nothing differs, nothing is written.
        let again = registry::import_households(&store, &cli(), text.as_bytes(), &Silent)
            .await
            .unwrap();
        assert!(!again.changed(), "{again:?}");
    })
    .await;
}

/// A file that stops being readable after `left` bytes, as when the sending side dies.
struct Broken {
    bytes: Vec<u8>,
    at: usize,
    left: usize,
}

impl std::io::Read for Broken {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::other("connection reset"));
        }
        let n = buf.len().min(self.left).min(self.bytes.len() - self.at);
        buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
        self.at += n;
        self.left -= n;
        Ok(n)
    }
}

#[tokio::test]
async fn an_import_stopped_half_way_leaves_nothing_and_runs_again() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let generated =
            jisr_targeting::synth::generate(&jisr_targeting::synth::Marginals::embedded(), 300, 7);
        let (file, _) = registry::synthetic_files(&generated, day(2026, 1, 1));
        let audit_before = audit::count(&store).await.unwrap();
        let half = file.len() / 2;
        let err = registry::import_households(
            &store,
            &cli(),
            Broken {
                bytes: file.clone(),
                at: 0,
                left: half,
            },
            &Silent,
        )
        .await
        .unwrap_err();
        assert_eq!(err.code(), "registry-import-read", "{err:?}");
        let (_, total) = national(&store)
            .list(&HouseholdFilter::default())
            .await
            .unwrap();
        assert_eq!(total, 0);
        assert_eq!(audit::count(&store).await.unwrap(), audit_before);
        // The whole file then imports, every line once.
        let report = registry::import_households(&store, &cli(), file.as_slice(), &Silent)
            .await
            .unwrap();
        let lines = file.iter().filter(|b| **b == b'\n').count() as u64 - 1;
        assert_eq!((report.rows, report.persons.inserted), (lines, lines));
        let (_, total) = national(&store)
            .list(&HouseholdFilter::default())
            .await
            .unwrap();
        assert_eq!(total, report.households.inserted);
        assert!(total > 250, "{total}");
    })
    .await;
}
