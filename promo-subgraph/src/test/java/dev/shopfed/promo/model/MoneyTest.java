package dev.shopfed.promo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsWholeRupiahWithDotsBetweenThousands() {
        assertThat(Money.rupiah(125_000)).isEqualTo(new Money(125_000, "IDR", "Rp 125.000"));
        assertThat(Money.rupiah(0).formatted()).isEqualTo("Rp 0");
        assertThat(Money.rupiah(999).formatted()).isEqualTo("Rp 999");
        assertThat(Money.rupiah(1_000).formatted()).isEqualTo("Rp 1.000");
        assertThat(Money.rupiah(12_345_678).formatted()).isEqualTo("Rp 12.345.678");
        assertThat(Money.rupiah(Integer.MAX_VALUE).formatted()).isEqualTo("Rp 2.147.483.647");
    }

    @Test
    void refusesAmountsTheApiCannotCarry() {
        assertThatThrownBy(() -> Money.rupiah(Integer.MAX_VALUE + 1L)).isInstanceOf(ArithmeticException.class);
    }
}
