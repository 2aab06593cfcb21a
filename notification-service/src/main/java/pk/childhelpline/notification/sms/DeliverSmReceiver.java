package pk.childhelpline.notification.sms;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

import io.quarkus.logging.Log;

import pk.childhelpline.notification.incoming.IncomingSmsService;

/**
 * Handles deliver_sm from the SMSC. Delivery receipts (esm_class 0x04) update the parts they name. Anything else is an
 * incoming SMS, reassembled from its parts when it carries a concatenation header. A failure returns an error status
 * for the PDU, so that the SMSC delivers it again.
 */
@ApplicationScoped
public class DeliverSmReceiver implements MessageReceiverListener {

    private final Receipts receipts;
    private final IncomingSmsService incoming;
    // NOTE: parts of an incoming message live in memory until the last arrives; a restart in between loses the
    // acknowledged ones.
    private final Map<String, byte[][]> incompleteMessages = new ConcurrentHashMap<>();

    public DeliverSmReceiver(Receipts receipts, IncomingSmsService incoming) {
        this.receipts = receipts;
        this.incoming = incoming;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (deliverSm.isSmscDeliveryReceipt()) {
                onReceipt(deliverSm);
            } else {
                onIncoming(deliverSm);
            }
        } catch (ProcessRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            Log.error("Handling a deliver_sm failed; the SMSC will deliver it again", e);
            throw new ProcessRequestException("Handling failed", SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
    }

    private void onReceipt(DeliverSm deliverSm) throws ProcessRequestException {
        DeliveryReceipt receipt;
        try {
            receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException e) {
            Log.warn("Ignoring a delivery receipt that does not parse");
            return;
        }
        OptionalParameter.Receipted_message_id receiptedId = deliverSm
                .getOptionalParameter(OptionalParameter.Receipted_message_id.class);
        String smscMessageId = receiptedId != null ? receiptedId.getValueAsString() : receipt.getId();
        OptionalParameter.User_message_reference userReference = deliverSm
                .getOptionalParameter(OptionalParameter.User_message_reference.class);
        receipts.apply(smscMessageId, userReference == null ? null : userReference.getValue() & 0xFFFF,
                statusOf(receipt.getFinalStatus()));
    }

    static MessageStatus statusOf(DeliveryReceiptState state) {
        if (state == null) {
            return MessageStatus.SUBMITTED;
        }
        return switch (state) {
            case DELIVRD -> MessageStatus.DELIVERED;
            case EXPIRED -> MessageStatus.EXPIRED;
            case REJECTD -> MessageStatus.REJECTED;
            case UNDELIV, DELETED, UNKNOWN -> MessageStatus.FAILED;
            default -> MessageStatus.SUBMITTED;
        };
    }

    private void onIncoming(DeliverSm deliverSm) {
        byte[] shortMessage = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
        int dataCoding = deliverSm.getDataCoding() & 0xFF;
        String from = deliverSm.getSourceAddr();
        String number = from.startsWith("+") ? from : "+" + from;
        if (!deliverSm.isUdhi() || shortMessage.length == 0) {
            incoming.handle(number, SmsEncoding.decode(shortMessage, dataCoding), Instant.now());
            return;
        }
        int headerLength = shortMessage[0] & 0xFF;
        byte[] payload = Arrays.copyOfRange(shortMessage, Math.min(shortMessage.length, 1 + headerLength),
                shortMessage.length);
        int[] concatenation = concatenation(shortMessage, headerLength);
        if (concatenation == null || concatenation[1] <= 1) {
            incoming.handle(number, SmsEncoding.decode(payload, dataCoding), Instant.now());
            return;
        }
        int reference = concatenation[0];
        int total = concatenation[1];
        int sequence = concatenation[2];
        if (sequence < 1 || sequence > total) {
            Log.warnf("Ignoring an incoming part with sequence %d of %d", sequence, total);
            return;
        }
        String key = number + '|' + reference + '|' + total;
        byte[][] parts = incompleteMessages.computeIfAbsent(key, k -> new byte[total][]);
        synchronized (parts) {
            parts[sequence - 1] = payload;
            for (byte[] part : parts) {
                if (part == null) {
                    return;
                }
            }
            incompleteMessages.remove(key);
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            whole.writeBytes(part);
        }
        incoming.handle(number, SmsEncoding.decode(whole.toByteArray(), dataCoding), Instant.now());
    }

    /** Returns {reference, total, sequence} from an 8-bit or 16-bit concatenation element, or null. */
    private static int[] concatenation(byte[] message, int headerLength) {
        int i = 1;
        while (i + 1 <= headerLength && i + 1 < message.length) {
            int identifier = message[i] & 0xFF;
            int length = message[i + 1] & 0xFF;
            if (identifier == 0x00 && length == 3 && i + 4 < message.length) {
                return new int[]{message[i + 2] & 0xFF, message[i + 3] & 0xFF, message[i + 4] & 0xFF};
            }
            if (identifier == 0x08 && length == 4 && i + 5 < message.length) {
                return new int[]{((message[i + 2] & 0xFF) << 8) | (message[i + 3] & 0xFF), message[i + 4] & 0xFF,
                        message[i + 5] & 0xFF};
            }
            i += 2 + length;
        }
        return null;
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // Alert notifications tell when a handset is reachable again; the sender retries on its own schedule.
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
