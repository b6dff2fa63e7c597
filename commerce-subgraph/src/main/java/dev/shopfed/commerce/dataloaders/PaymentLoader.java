package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.Payment;
import dev.shopfed.commerce.repositories.PaymentRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Payments by order id; unpaid orders are absent (null payment). */
@DgsDataLoader(name = PaymentLoader.NAME)
public class PaymentLoader implements MappedBatchLoader<String, Payment> {

    public static final String NAME = "payments";

    private final PaymentRepository payments;

    public PaymentLoader(PaymentRepository payments) {
        this.payments = payments;
    }

    @Override
    public CompletionStage<Map<String, Payment>> load(Set<String> orderIds) {
        return CompletableFuture.completedFuture(payments.findByOrderIds(orderIds));
    }
}
