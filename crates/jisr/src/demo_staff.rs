//! Demo staff: establishment 1 (Rehamna, run by `manager.demo`) with a director, an
//! educator who moved elsewhere (the educators left are short of the category's ratio),
//! a social worker whose accreditation expires within 90 days, and a training; the social
//! worker also works part time in a Rehamna shelter; staff in one establishment of Safi.

use anyhow::Result;
use jisr_domain::establishments::Status;
use jisr_domain::staff::{AssignmentInput, StaffInput, TrainingInput};
use jisr_store::Store;
use jisr_store::audit::Actor;
use jisr_store::entity::establishment;

/// (name in Arabic, in Latin script, CIN, sex, birth date, post, working time, salary,
/// diploma, field).
type Person = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const FIRST: &[Person] = &[
    (
        "لطيفة بناني",
        "Latifa Bennani",
        "EE210345",
        "female",
        "1976-02-11",
        "director",
        "100",
        "11000",
        "Master",
        "Travail social",
    ),
    (
        "سعيد الإدريسي",
        "Said Idrissi",
        "EE318220",
        "male",
        "1988-06-01",
        "educator",
        "100",
        "5200",
        "Diplôme d'éducateur spécialisé",
        "Éducation spécialisée",
    ),
    (
        "حنان الصديقي",
        "Hanane Seddiki",
        "EE402118",
        "female",
        "1993-09-17",
        "educator",
        "50",
        "2700",
        "Licence",
        "Sciences de l'éducation",
    ),
    (
        "نادية العمراني",
        "Nadia Amrani",
        "EE511902",
        "female",
        "1990-01-23",
        "social_worker",
        "100",
        "7200",
        "Licence professionnelle",
        "Assistance sociale",
    ),
    (
        "عبد الله الفاسي",
        "Abdellah Fassi",
        "EE620451",
        "male",
        "1971-12-05",
        "cook",
        "100",
        "3600",
        "",
        "",
    ),
    (
        "محمد البركاني",
        "Mohamed Berkani",
        "EE733017",
        "male",
        "1968-04-30",
        "guard",
        "100",
        "3100",
        "",
        "",
    ),
];

const SAFI: &[Person] = &[
    (
        "خديجة الرامي",
        "Khadija Rami",
        "H145220",
        "female",
        "1980-07-14",
        "director",
        "100",
        "",
        "Licence",
        "Gestion",
    ),
    (
        "يوسف الزياني",
        "Youssef Ziani",
        "H266781",
        "male",
        "1995-03-02",
        "educator",
        "100",
        "",
        "Diplôme d'éducateur spécialisé",
        "Éducation spécialisée",
    ),
];

fn input(p: &Person, accreditation_expiry: &str) -> StaffInput {
    let (name_ar, name_fr, cin, sex, birth, post, time, salary, diploma, field) = *p;
    let accredited = post == "social_worker";
    StaffInput {
        name_ar: name_ar.into(),
        name_fr: name_fr.into(),
        national_id: cin.into(),
        sex: sex.into(),
        birth_date: birth.into(),
        diploma: diploma.into(),
        diploma_field: field.into(),
        diploma_year: if diploma.is_empty() { "" } else { "2014" }.into(),
        accreditation_number: if accredited { "AS-45.18-0042" } else { "" }.into(),
        accreditation_date: if accredited { "2023-01-15" } else { "" }.into(),
        accreditation_expiry: accreditation_expiry.into(),
        accreditation_status: if accredited { "valid" } else { "" }.into(),
        assignment: AssignmentInput {
            post: post.into(),
            employer: "association".into(),
            employer_name: String::new(),
            contract: "permanent".into(),
            contract_start: "2023-09-01".into(),
            contract_end: String::new(),
            working_time: time.into(),
            salary: salary.into(),
        },
    }
}

/// Seeds the demo staff into the authorised establishments seeded before.
pub async fn seed_staff(store: &Store, actor: &Actor) -> Result<()> {
    let establishments = jisr_store::establishments::Scoped::unscoped_for_system_jobs(store);
    let mut authorised: Vec<establishment::Model> = Vec::new();
    for page in 1.. {
        let (rows, total) = establishments
            .list(&jisr_store::establishments::ListFilter {
                status: Some(Status::Authorised),
                page,
                ..Default::default()
            })
            .await?;
        let done = rows.is_empty() || page * jisr_store::establishments::PAGE_SIZE >= total;
        authorised.extend(rows);
        if done {
            break;
        }
    }
    authorised.sort_by_key(|e| e.id);
    let staff = jisr_store::staff::Scoped::unscoped_for_system_jobs(store);
    let today = chrono::Utc::now().date_naive();
    let expiry = (today + chrono::Days::new(45)).to_string();
    if let Some(first) = authorised.iter().find(|e| e.id == 1) {
        let mut ids = Vec::new();
        for p in FIRST {
            ids.push(staff.add(actor, first.id, &input(p, &expiry)).await?);
        }
        let held = (today - chrono::Days::new(20)).to_string();
        staff
            .add_training(
                actor,
                first.id,
                &TrainingInput {
                    subject: "Écoute active et protection de l'enfance".into(),
                    starts_on: held.clone(),
                    ends_on: held,
                    trainer: "Dr Meryem Amrani".into(),
                    place: "Ben Guerir".into(),
                },
                &ids[1..4],
            )
            .await?;
        // An educator moved to another establishment ten days ago: his assignment stays in
        // the history, and the educators left are short of the category's ratio.
        let roster = staff.roster(first.id).await?;
        if let Some(moved) = roster
            .current
            .iter()
            .find(|l| l.assignment.staff_id == ids[1])
        {
            let left = (today - chrono::Days::new(10)).to_string();
            staff
                .end(actor, first.id, moved.assignment.id, &left, "transfer")
                .await?;
        }
        // The social worker also works one day a week in a Rehamna shelter.
        if let Some(shelter) = authorised
            .iter()
            .find(|e| e.id != first.id && e.province_code == "07.427")
        {
            let mut second = input(&FIRST[3], &expiry);
            second.assignment.working_time = "20".into();
            second.assignment.salary = String::new();
            staff.add(actor, shelter.id, &second).await?;
        }
    }
    if let Some(safi) = authorised.iter().find(|e| e.province_code == "07.431") {
        for p in SAFI {
            staff.add(actor, safi.id, &input(p, "")).await?;
        }
    }
    Ok(())
}
