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
