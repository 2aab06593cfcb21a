package pk.childhelpline.notification.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliverSmReceiverTest {

    /** Finds no part for the first calls, as when a receipt overtakes the submit response of its part. */
    private static final class LateReceipts extends Receipts {

        private final int misses;
        private final List<String> calls = new ArrayList<>();

        LateReceipts(int misses) {
            super(null, null, null);
            this.misses = misses;
        }

        @Override
        public boolean apply(String smscMessageId, Integer userReference, MessageStatus status) {
            calls.add(smscMessageId + " " + userReference + " " + status);
            return calls.size() > misses;
        }
    }

    @Test
    void retriesReceiptThatOvertakesResponse() throws ProcessRequestException {
        LateReceipts receipts = new LateReceipts(2);
        DeliverSmReceiver receiver = new DeliverSmReceiver(receipts, null);

        receiver.onAcceptDeliverSm(receipt("3ae50fe19b988984", 40000));

        assertEquals(List.of("3ae50fe19b988984 40000 DELIVERED", "3ae50fe19b988984 40000 DELIVERED",
                "3ae50fe19b988984 40000 DELIVERED"), receipts.calls);
    }

    @Test
    void givesUpOnUnknownReceipt() throws ProcessRequestException {
        LateReceipts receipts = new LateReceipts(Integer.MAX_VALUE);
        DeliverSmReceiver receiver = new DeliverSmReceiver(receipts, null);

        receiver.onAcceptDeliverSm(receipt("ffffffffffffffff", 7));

        assertEquals(10, receipts.calls.size());
    }

    private static DeliverSm receipt(String messageId, int userReference) {
        DeliverSm deliverSm = new DeliverSm();
        deliverSm.setEsmClass((byte) 0x04);
        deliverSm.setShortMessage(("id:" + messageId + " sub:001 dlvrd:001 submit date:2612041200 done date:2612041200"
                + " stat:DELIVRD err:000 text:").getBytes(StandardCharsets.US_ASCII));
        deliverSm.setOptionalParameters(new OptionalParameter.User_message_reference((short) userReference));
        return deliverSm;
    }
}
