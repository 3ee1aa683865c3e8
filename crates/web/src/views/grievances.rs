//! What the complaints pages and API both say: the message of a refused step.

use jisr_domain::grievances::StepError;

/// The translation key of a refused step.
pub(crate) fn step_error_key(e: StepError) -> &'static str {
    match e {
        StepError::NotNow => "grv-error-step-now",
        StepError::ReasonMissing => "grv-error-reasons",
        StepError::AlreadyAppealed => "grv-error-appeal-once",
        StepError::AppealTooLate => "grv-error-appeal-late",
    }
}

/// Records, before a queue or a dashboard is read, the escalation of the complaints left
/// unanswered past their deadline (once per complaint and level; see
/// `jisr_store::grievances::escalate_overdue`).
pub(crate) async fn escalate_overdue(ctx: &crate::ctx::Ctx) -> Result<(), crate::WebError> {
    let actor = jisr_store::audit::Actor::system("grievance-escalation");
    jisr_store::grievances::escalate_overdue(&ctx.state.store, &actor).await?;
    Ok(())
}
