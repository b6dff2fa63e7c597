package dev.shopfed.commerce.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.errors.ErrorCode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsWholeRupiahWithDotsAsThousandsSeparators() {
        assertThat(Money.rupiah(125_000)).isEqualTo(new Money(125_000, "IDR", "Rp 125.000"));
        assertThat(Money.rupiah(0).formatted()).isEqualTo("Rp 0");
        assertThat(Money.rupiah(999).formatted()).isEqualTo("Rp 999");
        assertThat(Money.rupiah(1_000).formatted()).isEqualTo("Rp 1.000");
        assertThat(Money.rupiah(12_345_678).formatted()).isEqualTo("Rp 12.345.678");
        assertThat(Money.rupiah(Integer.MAX_VALUE).formatted()).isEqualTo("Rp 2.147.483.647");
    }

    @Test
    void refusesAmountsBeyondTheSchemasInt() {
        assertThatThrownBy(() -> Money.rupiah(Integer.MAX_VALUE + 1L))
                .isInstanceOfSatisfying(CommerceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOTAL_TOO_LARGE))
                .hasMessageContaining("Rp 2.147.483.648");
    }

    @Test
    void cartSubtotalIsExactLongArithmetic() {
        Cart cart = Cart.of("u1", java.util.List.of(new CartItem("p1", 3, 89_000), new CartItem("p2", 2, 1_250_500)));
        assertThat(cart.itemCount()).isEqualTo(5);
        assertThat(cart.subtotal().amount()).isEqualTo(3 * 89_000 + 2 * 1_250_500);
        assertThat(cart.items().get(1).lineTotal().formatted()).isEqualTo("Rp 2.501.000");
    }
}
