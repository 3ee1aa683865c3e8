//! Grants end to end in the store, on SQLite and PostgreSQL: a programme owner makes
//! and publishes a call, two associations apply (one missing a document, asked once),
//! a committee member declares a conflict and no longer sees the application, two
//! others score and the spread shows, the decision stays within the envelope, the
//! convention's two tranches are released only once their condition is met, the
//! interim report is returned then approved, the public register lists the grant, and
//! every change and score is in the audit trail. Out of scope answers not found.

use chrono::Days;
use jisr_domain::access::{Role, Scope};
use jisr_domain::establishments::Capacity;
use jisr_domain::geo::CommuneCode;
use jisr_domain::grants::{Failed, Status};
use jisr_store::accounts::{Password, create_user_with_grant};
use jisr_store::audit::Actor;
use jisr_store::entity::{association, audit_log, establishment};
use jisr_store::establishments::{self, Details, NewEstablishment};
use jisr_store::geo::{self, GeoSource};
use jisr_store::grants::{self, ApplicationInput, CallInput, Decision, GrantError, Scoped};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter,
};

const REHAMNA: &str = "07.427.01.01";
const REHAMNA_PROVINCE: &str = "07.427";

/// An establishment in Rehamna belonging to a new association.
async fn centre(store: &Store, name: &str) -> i64 {
    let system = establishments::Scoped::unscoped_for_system_jobs(store);
    let actor = Actor::system("test");
    let id = system
        .create(
            &actor,
            NewEstablishment {
                name_ar: format!("مركز {name}"),
                name_fr: format!("Centre {name}"),
                category: "disability".into(),
                commune: CommuneCode::parse(REHAMNA).unwrap(),
                address: String::new(),
                phone: String::new(),
                capacity: Capacity::new(5, 5).unwrap(),
                details: Details::default(),
            },
        )
        .await
        .unwrap();
    let a = association::ActiveModel {
        id: NotSet,
        name_ar: Set(format!("جمعية {name}")),
        name_fr: Set(format!("Association {name}")),
        registration_number: Set(format!("RN-{name}")),
        registration_date: Set("2020-01-01".into()),
        commune_code: Set(REHAMNA.into()),
        province_code: Set(REHAMNA_PROVINCE.into()),
        address: Set(String::new()),
        phone: Set(String::new()),
        email: Set(String::new()),
        created_at: Set("2020-01-01T00:00:00Z".into()),
    }
    .insert(store.conn())
    .await
    .unwrap();
    let e = establishment::Entity::find_by_id(id)
        .one(store.conn())
        .await
        .unwrap()
        .unwrap();
    let mut am = e.into_active_model();
    am.association_id = Set(Some(a.id));
    am.update(store.conn()).await.unwrap();
    id
}

async fn user(store: &Store, name: &str, role: Role, scope: Scope) -> i64 {
    create_user_with_grant(
        store,
        &Actor::system("test"),
        name,
        name,
        &Password::parse("a long test password").unwrap(),
        false,
        role,
        &scope,
    )
    .await
    .unwrap()
    .0
}

fn rehamna() -> Scope {
    Scope::Province(jisr_domain::geo::ProvinceCode::parse(REHAMNA_PROVINCE).unwrap())
}

fn call_input() -> CallInput {
    let today = chrono::Utc::now().date_naive();
    CallInput {
        fund: "FAS".into(),
        title_ar: "دعم الإعاقة".into(),
        title_fr: "Soutien au handicap".into(),
        description_ar: "وصف".into(),
        description_fr: "Description".into(),
        provinces: REHAMNA_PROVINCE.into(),
        categories: "disability".into(),
        envelope: "300000".into(),
        max_per_project: "200000".into(),
        cofinancing_pct: "20".into(),
        opens_on: (today - Days::new(5)).to_string(),
        closes_on: (today + Days::new(30)).to_string(),
        decision_on: (today + Days::new(60)).to_string(),
        documents: "statutes,budget".into(),
        criteria: "relevance | 60 | ملاءمة | Pertinence\ncapacity | 40 | قدرة | Capacité".into(),
    }
}

fn project(docs: &str) -> ApplicationInput {
    ApplicationInput {
        project_title: "Atelier d'inclusion".into(),
        objectives: "Accueillir vingt enfants".into(),
        place: "Ben Guerir".into(),
        duration_months: "12".into(),
        women: "10".into(),
        men: "5".into(),
        children: "20".into(),
        budget: "250000".into(),
        requested: "180000".into(),
        documents: docs.into(),
        ..Default::default()
    }
}

fn marks(a: u32, b: u32) -> Vec<(String, u32)> {
    vec![("relevance".into(), a), ("capacity".into(), b)]
}

#[tokio::test]
async fn a_call_is_published_scored_decided_paid_and_registered() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        let actor = Actor::system("grants");
        let owner = Scoped::new(&store, &[(Role::ProgrammeOwner, Scope::National)]);

        // A bad call: every problem at once, nothing saved.
        let bad = CallInput {
            envelope: "0".into(),
            criteria: "relevance | 50 | a | b".into(),
            ..call_input()
        };
        match owner.create_call(&actor, &bad).await {
            Err(GrantError::Fields(f)) => {
                let f: Vec<_> = f.into_iter().map(|(f, _)| f).collect();
                assert!(f.contains(&"envelope".to_string()));
                assert!(f.contains(&"criteria".to_string()));
            }
            other => panic!("expected field errors, got {other:?}"),
        }
        let call = owner.create_call(&actor, &call_input()).await.unwrap();
        assert!(grants::published_call(&store, call).await.is_err());
        owner.publish_call(&actor, call).await.unwrap();
        assert_eq!(grants::published_calls(&store).await.unwrap().len(), 1);

        // A social worker cannot make calls.
        let worker = Scoped::new(&store, &[(Role::SocialWorker, Scope::National)]);
        assert!(matches!(
            worker.create_call(&actor, &call_input()).await,
            Err(GrantError::Store(StoreError::NotFound))
        ));

        // Two associations apply; the second lacks the budget, asked once.
        let e1 = centre(&store, "Amal").await;
        let e2 = centre(&store, "Nour").await;
        let m1 = Scoped::new(
            &store,
            &[(Role::EstablishmentManager, Scope::Establishment(e1))],
        );
        let m2 = Scoped::new(
            &store,
            &[(Role::EstablishmentManager, Scope::Establishment(e2))],
        );
        let a1 = m1
            .save_draft(&actor, call, e1, None, &project("statutes,budget"))
            .await
            .unwrap();
        let a2 = m2
            .save_draft(&actor, call, e2, None, &project("statutes"))
            .await
            .unwrap();
        // Another association's manager does not reach it.
        assert!(matches!(
            m2.application(a1, 0).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            m2.file(&actor, a1).await,
            Err(GrantError::Store(StoreError::NotFound))
        ));
        let f1 = m1.file(&actor, a1).await.unwrap();
        assert_eq!(f1.status, Status::Eligible);
        assert!(f1.receipt.starts_with("SUB-"));
        let f2 = m2.file(&actor, a2).await.unwrap();
        assert_eq!(f2.status, Status::Filed);
        assert!(f2.reminded);
        assert_eq!(f2.failed, vec![Failed::MissingDocument("budget".into())]);
        m2.save_draft(&actor, call, e2, Some(a2), &project("statutes,budget"))
            .await
            .unwrap();
        let f2 = m2.file(&actor, a2).await.unwrap();
        assert_eq!(f2.status, Status::Eligible);

        // The committee: three members, one declares a conflict on a1.
        let po = Role::ProgrammeOwner;
        let u1 = user(&store, "member-one", Role::ProvincialOfficer, rehamna()).await;
        let u2 = user(&store, "member-two", po, Scope::National).await;
        let u3 = user(&store, "member-three", po, Scope::National).await;
        for u in [u1, u2, u3] {
            owner.add_member(&actor, call, u).await.unwrap();
        }
        let sec = user(&store, "not-a-scorer", Role::SocialWorker, rehamna()).await;
        assert!(owner.add_member(&actor, call, sec).await.is_err());
        let member = Scoped::new(
            &store,
            &[(
                Role::RegionalCoordinator,
                Scope::Region("07".parse().unwrap()),
            )],
        );
        assert_eq!(member.applications(call, u1).await.unwrap().len(), 2);
        member.declare_conflict(&actor, a1, u1).await.unwrap();
        let seen: Vec<i64> = member
            .applications(call, u1)
            .await
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect();
        assert!(!seen.contains(&a1));
        assert!(matches!(
            member.score(&actor, a1, u1, &marks(5, 5), "").await,
            Err(GrantError::Store(StoreError::NotFound))
        ));
        // A non-member sees nothing of the call.
        let other = user(&store, "outsider", Role::ProvincialOfficer, rehamna()).await;
        assert!(matches!(
            member.score(&actor, a1, other, &marks(5, 5), "").await,
            Err(GrantError::Store(StoreError::NotFound))
        ));
        assert_eq!(
            owner
                .score(&actor, a1, u2, &marks(10, 5), "Solide")
                .await
                .unwrap(),
            80
        );
        assert_eq!(
            owner
                .score(&actor, a1, u3, &marks(5, 5), "Moyen")
                .await
                .unwrap(),
            50
        );
        let sheet = owner.score_sheet(a1).await.unwrap();
        assert_eq!(sheet.spread, 30);
        assert_eq!(sheet.mean, Some(65));
        assert_eq!(sheet.conflicts, 1);

        // Decisions: the envelope (300 000) cannot be exceeded.
        assert!(matches!(
            owner.decide(&actor, a1, &Decision::Accept(190_000)).await,
            Err(GrantError::Award(_))
        ));
        owner
            .decide(&actor, a1, &Decision::Accept(150_000))
            .await
            .unwrap();
        owner.score(&actor, a2, u2, &marks(8, 8), "").await.unwrap();
        assert!(matches!(
            owner.decide(&actor, a2, &Decision::Accept(160_000)).await,
            Err(GrantError::Award(jisr_domain::grants::AwardError::Envelope))
        ));
        owner
            .decide(&actor, a2, &Decision::Refuse("Budget peu détaillé".into()))
            .await
            .unwrap();
        m2.appeal(&actor, a2, "Nous joignons le détail")
            .await
            .unwrap();
        assert_eq!(m2.application(a2, 0).await.unwrap().status, "appealed");

        // The convention: tranches released on their condition only.
        let tranches = owner.tranches(a1, 0).await.unwrap();
        assert_eq!(tranches.len(), 2);
        assert_eq!(tranches[0].amount + tranches[1].amount, 150_000);
        assert!(matches!(
            owner.release_tranche(&actor, tranches[0].id, "OP-1").await,
            Err(GrantError::Release(_))
        ));
        owner
            .sign_convention(&actor, a1, "2026-01-15")
            .await
            .unwrap();
        owner
            .release_tranche(&actor, tranches[0].id, "OP-1")
            .await
            .unwrap();
        assert!(
            owner
                .release_tranche(&actor, tranches[1].id, "OP-2")
                .await
                .is_err()
        );
        let r = m1
            .submit_report(
                &actor,
                a1,
                "interim",
                "20 enfants accueillis",
                "Dépenses: 90 000",
            )
            .await
            .unwrap();
        owner
            .review_report(&actor, r, false, "Joindre les reçus")
            .await
            .unwrap();
        assert!(
            owner
                .release_tranche(&actor, tranches[1].id, "OP-2")
                .await
                .is_err()
        );
        m1.submit_report(
            &actor,
            a1,
            "interim",
            "20 enfants accueillis",
            "Reçus joints",
        )
        .await
        .unwrap();
        owner.review_report(&actor, r, true, "").await.unwrap();
        owner
            .release_tranche(&actor, tranches[1].id, "OP-2")
            .await
            .unwrap();

        // The public register.
        let rows = grants::register(&store, &Default::default()).await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].amount, 150_000);
        assert_eq!(rows[0].tranches_paid, 150_000);
        assert_eq!(rows[0].association_name_fr, "Association Amal");
        let none = grants::register(
            &store,
            &grants::RegisterFilter {
                fund: "OTHER".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert!(none.is_empty());

        // Every change and every score is audited.
        let scores = audit_log::Entity::find()
            .filter(audit_log::Column::Entity.eq("grant_score"))
            .count(store.conn())
            .await
            .unwrap();
        assert_eq!(scores, 3);
        let tranches = audit_log::Entity::find()
            .filter(audit_log::Column::Entity.eq("grant_tranche"))
            .count(store.conn())
            .await
            .unwrap();
        assert_eq!(tranches, 4);
    })
    .await;
}

#[tokio::test]
async fn the_committee_is_told_of_earlier_grants_and_an_appeal_is_decided_once() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        let actor = Actor::system("grants");
        let owner = Scoped::new(&store, &[(Role::ProgrammeOwner, Scope::National)]);
        let scorer = user(&store, "scorer", Role::ProgrammeOwner, Scope::National).await;
        let e1 = centre(&store, "Amal").await;
        let m1 = Scoped::new(
            &store,
            &[(Role::EstablishmentManager, Scope::Establishment(e1))],
        );
        // A first grant, accepted, signed and its first tranche paid.
        let first = owner.create_call(&actor, &call_input()).await.unwrap();
        owner.publish_call(&actor, first).await.unwrap();
        owner.add_member(&actor, first, scorer).await.unwrap();
        let a1 = m1
            .save_draft(&actor, first, e1, None, &project("statutes,budget"))
            .await
            .unwrap();
        m1.file(&actor, a1).await.unwrap();
        let fresh = owner.flags(a1, 0).await.unwrap();
        assert!(
            fresh.unauthorised_establishment,
            "a new centre is not authorised"
        );
        assert_eq!((fresh.overdue_reports, fresh.unjustified_tranches), (0, 0));
        owner
            .score(&actor, a1, scorer, &marks(9, 9), "")
            .await
            .unwrap();
        owner
            .decide(&actor, a1, &Decision::Accept(100_000))
            .await
            .unwrap();
        owner
            .sign_convention(&actor, a1, "2020-01-15")
            .await
            .unwrap();
        let t = owner.tranches(a1, 0).await.unwrap();
        owner
            .release_tranche(&actor, t[0].id, "OP-9")
            .await
            .unwrap();

        // A second application of the same association: the earlier tranche is not
        // justified and its reports, due since 2020, are overdue.
        let second = owner.create_call(&actor, &call_input()).await.unwrap();
        owner.publish_call(&actor, second).await.unwrap();
        owner.add_member(&actor, second, scorer).await.unwrap();
        let a2 = m1
            .save_draft(&actor, second, e1, None, &project("statutes,budget"))
            .await
            .unwrap();
        m1.file(&actor, a2).await.unwrap();
        let flags = owner.flags(a2, 0).await.unwrap();
        assert_eq!((flags.overdue_reports, flags.unjustified_tranches), (1, 1));
        assert!(flags.any());
        assert_eq!(
            grants::report_due("2020-01-15".parse().unwrap(), 12, "interim"),
            Some("2020-07-15".parse().unwrap())
        );

        // Refused, appealed, the appeal upheld: back to the committee, accepted.
        owner
            .score(&actor, a2, scorer, &marks(4, 4), "Faible")
            .await
            .unwrap();
        assert!(
            owner
                .my_score(a2, scorer)
                .await
                .unwrap()
                .is_some_and(|s| s.total == 40)
        );
        owner
            .decide(&actor, a2, &Decision::Refuse("Budget flou".into()))
            .await
            .unwrap();
        // Rejecting an appeal that was not made is refused.
        assert!(matches!(
            owner.decide_appeal(&actor, a2, true, "").await,
            Err(GrantError::Step(_))
        ));
        m1.appeal(&actor, a2, "Budget détaillé joint")
            .await
            .unwrap();
        assert!(matches!(
            owner.decide_appeal(&actor, a2, false, " ").await,
            Err(GrantError::Fields(_))
        ));
        owner.decide_appeal(&actor, a2, true, "").await.unwrap();
        assert_eq!(owner.application(a2, 0).await.unwrap().status, "scored");
        owner
            .decide(&actor, a2, &Decision::Accept(90_000))
            .await
            .unwrap();
        // The parties of the application, for the pages.
        let (call, assoc, est) = owner
            .parties(&owner.application(a2, 0).await.unwrap())
            .await
            .unwrap();
        assert_eq!(call.id, second);
        assert_eq!(assoc.unwrap().name_fr, "Association Amal");
        assert_eq!(est.unwrap().id, e1);
        let decided = audit_log::Entity::find()
            .filter(audit_log::Column::Entity.eq("grant_application"))
            .filter(audit_log::Column::After.contains("appeal_upheld"))
            .count(store.conn())
            .await
            .unwrap();
        assert_eq!(decided, 1);
    })
    .await;
}
