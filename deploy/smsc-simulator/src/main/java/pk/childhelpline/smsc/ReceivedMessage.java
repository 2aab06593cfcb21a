package pk.childhelpline.smsc;

/**
 * One complete message that the simulator received, after reassembly of its parts: the line it appends to the
 * messages file. {@code dataCoding} is 0 (GSM 7-bit) or 8 (UCS-2); {@code time} is an ISO-8601 instant.
 */
public record ReceivedMessage(String time, String source, String destination, String text, int dataCoding,
        int parts) {
}
