//! Programmes as data: seeds, drafts checked by the engine, activation, audit.
//! Each test runs on a fresh SQLite database, and again on PostgreSQL when
//! `JISR_TEST_DATABASE_URL` is set.

use jisr_store::audit::Actor;
use jisr_store::entity::audit_log;
use jisr_store::geo::{self, GeoSource};
use jisr_store::programmes::{self, ACTIVE, DRAFT, Draft, NewProgramme, ProgrammeError, RETIRED};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_targeting::rules::Level;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

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
        programmes::compile(Level::Household, active, &geo).unwrap();

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

#[tokio::test]
async fn a_new_programme_is_created_then_gets_its_first_version() {
    each_backend(|store| async move {
        let actor = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &actor, &Silent)
            .await
            .unwrap();
        // The seeds: Direct Social Aid pays an amount, AMO Tadamon does not.
        assert!(
            programmes::get(&store, "asd")
                .await
                .unwrap()
                .programme
                .pays_benefit
        );
        assert!(
            !programmes::get(&store, "amo-tadamon")
                .await
                .unwrap()
                .programme
                .pays_benefit
        );
        let audit_before = audit_log::Entity::find().count(store.conn()).await.unwrap();
        let new = NewProgramme {
            code: "school-kits".into(),
            name_ar: "الحقيبة المدرسية".into(),
            name_fr: "Kits scolaires".into(),
            description_ar: String::new(),
            description_fr: "Un kit par enfant scolarisé.".into(),
            pays_benefit: true,
            level: Level::Household,
        };
        // Bad fields: every one reported, nothing saved.
        let Err(ProgrammeError::Fields(errors)) = programmes::create(
            &store,
            &actor,
            &NewProgramme {
                code: "School Kits".into(),
                name_fr: String::new(),
                ..new.clone()
            },
        )
        .await
        else {
            panic!("bad programme saved")
        };
        assert_eq!(
            errors,
            [
                ("code", "prog-error-code"),
                ("name_fr", "prog-error-name-required")
            ]
        );
        // A code already taken is refused at the field.
        let Err(ProgrammeError::Fields(errors)) = programmes::create(
            &store,
            &actor,
            &NewProgramme {
                code: "asd".into(),
                ..new.clone()
            },
        )
        .await
        else {
            panic!("duplicate code saved")
        };
        assert_eq!(errors, [("code", "prog-error-code-taken")]);
        assert_eq!(
            audit_log::Entity::find().count(store.conn()).await.unwrap(),
            audit_before
        );

        let code = programmes::create(&store, &actor, &new).await.unwrap();
        assert_eq!(code, "school-kits");
        let p = programmes::get(&store, "school-kits").await.unwrap();
        assert_eq!(p.programme.name_fr, "Kits scolaires");
        assert!(p.programme.pays_benefit);
        assert!(p.versions.is_empty() && p.active().is_none());
        let entry = audit_log::Entity::find()
            .filter(audit_log::Column::Entity.eq("programme"))
            .one(store.conn())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (entry.action.as_str(), entry.entity_id.as_str()),
            ("create", "school-kits")
        );
        assert_eq!(
            programmes::list(&store).await.unwrap().len(),
            3,
            "listed beside the seeds"
        );

        // Its first draft: a benefit is required since it pays one; then version 1,
        // activated with nothing to retire.
        let draft = Draft {
            valid_from: "2027-09-01".into(),
            rule: "has-children: children_under_21 >= 1".into(),
            benefit: String::new(),
        };
        let Err(ProgrammeError::Invalid(errors)) =
            programmes::save_draft(&store, &actor, "school-kits", &draft).await
        else {
            panic!("draft without a benefit saved")
        };
        assert_eq!(errors[0].code, "benefit-required");
        let v = programmes::save_draft(
            &store,
            &actor,
            "school-kits",
            &Draft {
                benefit: "children_under_21 * 200".into(),
                ..draft
            },
        )
        .await
        .unwrap();
        assert_eq!(v, 1);
        programmes::activate(&store, &actor, "school-kits", 1)
            .await
            .unwrap();
        let p = programmes::get(&store, "school-kits").await.unwrap();
        assert_eq!(p.active().unwrap().version, 1);
        assert_eq!(p.active().unwrap().valid_to, None);
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
