package dev.agentry.workflows.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelResolutionTest {

    @Test
    void aResolutionCannotHoldBothAModelAndAReason() {
        ResolvedModel model = new ResolvedModel("gpt-5", "GPT-5", "openai", "gpt-5", false);
        assertThatThrownBy(() -> new ModelResolution(model, "unavailable")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelResolution(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
