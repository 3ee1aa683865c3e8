//! Programmes as data: seeds, drafts checked by the engine, activation, audit.
//! Each test runs on a fresh SQLite database, and again on PostgreSQL when
//! `JISR_TEST_DATABASE_URL` is set.

use jisr_store::audit::Actor;
use jisr_store::entity::audit_log;
use jisr_store::geo::{self, GeoSource};
use jisr_store::programmes::{self, ACTIVE, DRAFT, Draft, ProgrammeError, RETIRED};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test]
async fn seeds_drafts_and_activation() {
    each_backend(|store| async move {
        let actor = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &actor, &Silent)
            .await
            .unwrap();
        let all = programmes::list(&store).await.unwrap();
        let codes: Vec<&str> = all.iter().map(|p| p.programme.code.as_str()).collect();
        assert_eq!(codes, ["amo-tadamon", "asd"]);
        let asd = programmes::get(&store, "asd").await.unwrap();
        let active = asd.active().unwrap();
        assert!(active.rule.contains("index <= 9.743001"));
        let geo = jisr_store::registry::engine_geo(&store).await.unwrap();
        programmes::compile(active, &geo).unwrap();

        let audit_before = audit_log::Entity::find().count(store.conn()).await.unwrap();
        let bad = Draft {
            valid_from: "2027-01-01".into(),
            rule: "index-threshold: index <= 9.9\nincome: income < 3".into(),
            benefit: "250 +".into(),
        };
        let Err(ProgrammeError::Invalid(errors)) =
            programmes::save_draft(&store, &actor, "asd", &bad).await
        else {
            panic!("draft with errors saved")
        };
        let codes: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.code.as_str())).collect();
        assert_eq!(
            codes,
            [("rule", "unknown-field"), ("benefit", "unexpected-token")]
        );
        assert_eq!(
            programmes::get(&store, "asd").await.unwrap().versions.len(),
            1
        );
        assert_eq!(
            audit_log::Entity::find().count(store.conn()).await.unwrap(),
            audit_before
        );

        let good = Draft {
            valid_from: "2027-01-01".into(),
            rule: "index-threshold: index <= 9.9\nresidence: residence in [\"urban\", \"rural\"]"
                .into(),
            benefit: "min(children_under_21, 6) * 250 + 100".into(),
        };
        let v = programmes::save_draft(&store, &actor, "asd", &good)
            .await
            .unwrap();
        assert_eq!(v, 2);
        assert_eq!(
            programmes::get(&store, "asd")
                .await
                .unwrap()
                .version(2)
                .unwrap()
                .status,
            DRAFT
        );
        programmes::activate(&store, &actor, "asd", 2)
            .await
            .unwrap();
        let asd = programmes::get(&store, "asd").await.unwrap();
        assert_eq!(asd.version(2).unwrap().status, ACTIVE);
        assert_eq!(asd.version(1).unwrap().status, RETIRED);
        assert_eq!(
            asd.version(1).unwrap().valid_to.as_deref(),
            Some("2026-12-31")
        );
        assert!(matches!(
            programmes::activate(&store, &actor, "asd", 2).await,
            Err(ProgrammeError::NotDraft)
        ));
        // One entry for the draft, two for the activation.
        assert_eq!(
            audit_log::Entity::find().count(store.conn()).await.unwrap(),
            audit_before + 3
        );
        assert!(
            jisr_store::audit::verify(&store)
                .await
                .unwrap()
                .first_break
                .is_none()
        );
    })
    .await;
}
