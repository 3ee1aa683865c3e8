//! Matching persons of the registry: search within scope, the duplicate job, merge and
//! undo, "not the same person". Each test runs on SQLite, and again on PostgreSQL when
//! `JISR_TEST_DATABASE_URL` is set.

use jisr_domain::access::{Role, Scope};
use jisr_domain::geo::ProvinceCode;
use jisr_store::Store;
use jisr_store::audit::Actor;
use jisr_store::entity::{person, person_household_membership as stay};
use jisr_store::geo::{self, GeoSource};
use jisr_store::matching::Scoped;
use jisr_store::matching::review::run_job;
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use sea_orm::{EntityTrait, QueryOrder};

fn cli() -> Actor {
    Actor::system("test")
}

/// Rehamna: Mohammed Alaoui twice (Arabic only / Latin only, another spelling), and
/// Fatima Zahra Bennani twice (one with a typo). Safi: a person of its own.
const HOUSEHOLDS: &str = "household_key,commune_code,person_key,cin,first_name_ar,last_name_ar,first_name_lat,last_name_lat,birth_date,sex,relation\n\
RH-1,07.427.01.01,P-1,,محمد,العلوي,,,1980-03-02,male,head\n\
RH-2,07.427.01.01,P-2,,,,Mohamed,El Alaoui,1980-03-02,male,head\n\
RH-3,07.427.01.01,P-3,,فاطمة الزهراء,بناني,Fatima Zahra,Bennani,1992-07-14,female,head\n\
RH-4,07.427.01.01,P-4,,,,Fatima Zahra,Benani,1992-07-14,female,head\n\
SF-1,07.431.01.03,P-5,,محمد,العلوي,Mohammed,Alaoui,1980-03-02,male,head\n";

async fn setup(store: &Store) {
    geo::import(store, &GeoSource::embedded(), &cli(), &Silent)
        .await
        .unwrap();
    jisr_store::registry::import_households(store, &cli(), HOUSEHOLDS.as_bytes(), &Silent)
        .await
        .unwrap();
}

fn province(code: &str) -> Scope {
    Scope::Province(ProvinceCode::parse(code).unwrap())
}

fn officer(store: &Store, code: &str) -> Scoped<'static> {
    let store: &'static Store = Box::leak(Box::new(store.clone()));
    Scoped::new(store, &[(Role::ProvincialOfficer, province(code))])
}

async fn snapshot(store: &Store) -> (Vec<person::Model>, Vec<stay::Model>) {
    (
        person::Entity::find()
            .order_by_asc(person::Column::Id)
            .all(store.conn())
            .await
            .unwrap(),
        stay::Entity::find()
            .order_by_asc(stay::Column::Id)
            .all(store.conn())
            .await
            .unwrap(),
    )
}

#[tokio::test]
async fn search_finds_either_script_within_the_province_only() {
    each_backend(|store| async move {
        setup(&store).await;
        let rehamna = officer(&store, "07.427");
        let found = rehamna
            .search(&cli(), "Mohammed Alaoui", None)
            .await
            .unwrap();
        let ids: Vec<i64> = found.iter().map(|f| f.card.person_id).collect();
        assert!(ids.contains(&1) && ids.contains(&2), "{ids:?}");
        assert!(!ids.contains(&5), "Safi's person is out of scope");
        let found = rehamna.search(&cli(), "محمد العلوي", None).await.unwrap();
        assert_eq!(found[0].card.province_code, "07.427");
        assert!(
            found.iter().any(|f| f.card.person_id == 2),
            "Latin-only found from Arabic"
        );
        // Safi's officer sees only Safi's person; Rehamna's persons are not found.
        let safi = officer(&store, "07.431");
        let found = safi.search(&cli(), "Alaoui", None).await.unwrap();
        assert_eq!(
            found.iter().map(|f| f.card.person_id).collect::<Vec<_>>(),
            vec![5]
        );
        assert!(safi.person(1).await.is_err());
    })
    .await;
}

#[tokio::test]
async fn the_job_proposes_pairs_merge_and_undo_restore_both_and_not_same_stays_decided() {
    each_backend(|store| async move {
        setup(&store).await;
        let rehamna = officer(&store, "07.427");
        let job = rehamna.start_job(&cli(), "07.427").await.unwrap();
        run_job(&store, job.id).await.unwrap();
        let done = rehamna.latest_job("07.427").await.unwrap().unwrap();
        assert_eq!(
            (done.status.as_str(), done.done, done.total),
            ("done", 4, 4)
        );
        let pairs = rehamna.open_pairs("07.427").await.unwrap();
        let mut found: Vec<(i64, i64)> = pairs
            .iter()
            .map(|p| (p.proposal.person_a, p.proposal.person_b))
            .collect();
        found.sort();
        assert_eq!(found, vec![(1, 2), (3, 4)], "{found:?}");
        // Safi's officer sees none of it.
        let safi = officer(&store, "07.431");
        assert!(safi.open_pairs("07.427").await.is_err());
        let first = pairs.iter().find(|p| p.proposal.person_a == 1).unwrap();
        assert!(safi.pair(&cli(), first.proposal.id).await.is_err());
        assert!(
            safi.merge(&cli(), first.proposal.id, &vec![])
                .await
                .is_err()
        );

        // Merge 1 and 2 taking the Latin names of 2: one person, with both stays.
        let before = snapshot(&store).await;
        let choice = vec![
            ("first_name_lat".to_owned(), true),
            ("last_name_lat".to_owned(), true),
        ];
        let merge = rehamna
            .merge(&cli(), first.proposal.id, &choice)
            .await
            .unwrap();
        let p1 = person::Entity::find_by_id(1)
            .one(store.conn())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (p1.first_name_ar.as_str(), p1.first_name_lat.as_str()),
            ("محمد", "Mohamed")
        );
        let found = rehamna.search(&cli(), "El Alaoui", None).await.unwrap();
        assert!(
            !found.iter().any(|f| f.card.person_id == 2),
            "absorbed: no longer listed"
        );
        let stays = snapshot(&store).await.1;
        assert_eq!(
            stays.iter().filter(|s| s.person_id == 1).count(),
            2,
            "history kept"
        );
        assert_eq!(
            stays
                .iter()
                .filter(|s| s.person_id == 1 && s.to_date.is_none())
                .count(),
            1
        );
        // Undo: both exactly as they were.
        rehamna.undo(&cli(), merge).await.unwrap();
        assert_eq!(snapshot(&store).await, before);
        assert!(rehamna.undo(&cli(), merge).await.is_err(), "once");
        assert!(
            rehamna
                .search(&cli(), "El Alaoui", None)
                .await
                .unwrap()
                .iter()
                .any(|f| f.card.person_id == 2)
        );

        // Not the same: closed, and never proposed again.
        let second = pairs.iter().find(|p| p.proposal.person_a == 3).unwrap();
        rehamna.not_same(&cli(), second.proposal.id).await.unwrap();
        let job = rehamna.start_job(&cli(), "07.427").await.unwrap();
        run_job(&store, job.id).await.unwrap();
        let again: Vec<(i64, i64)> = rehamna
            .open_pairs("07.427")
            .await
            .unwrap()
            .iter()
            .map(|p| (p.proposal.person_a, p.proposal.person_b))
            .collect();
        assert_eq!(again, vec![(1, 2)]);
        // Every decision is in the trail.
        use sea_orm::{ColumnTrait, QueryFilter};
        for action in [
            "matching.job",
            "matching.merge",
            "matching.undo",
            "matching.not_same",
        ] {
            let n = jisr_store::entity::audit_log::Entity::find()
                .filter(jisr_store::entity::audit_log::Column::Action.eq(action))
                .all(store.conn())
                .await
                .unwrap()
                .len();
            assert!(n >= 1, "{action}");
        }
    })
    .await;
}
