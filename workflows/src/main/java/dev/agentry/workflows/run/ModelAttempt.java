package dev.agentry.workflows.run;

/**
 * One call to one model within a run, as the transcript lists them: the model that answered each call, and
 * before it every model that failed and was left for the next one.
 *
 * @param call         which call of the run, from 1
 * @param model        the canonical model name
 * @param provider     the provider's name as the catalogue spells it
 * @param errorKind    null when the model answered; else the provider's classification, e.g. OVERLOADED
 * @param errorMessage null when the model answered
 */
public record ModelAttempt(int call, String model, String provider, String errorKind, String errorMessage) {

    static ModelAttempt answered(int call, RunModel model) {
        return new ModelAttempt(call, model.name(), model.provider(), null, null);
    }

    static ModelAttempt failed(int call, RunModel model, String errorKind, String errorMessage) {
        return new ModelAttempt(call, model.name(), model.provider(), errorKind, errorMessage);
    }

    public boolean answeredCall() {
        return errorKind == null;
    }
}
