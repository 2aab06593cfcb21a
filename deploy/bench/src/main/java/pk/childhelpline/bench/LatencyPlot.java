package pk.childhelpline.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws intake latency (p50, p95, p99, on a logarithmic axis) against accepted throughput as a PNG, with the targets
 * (100 ms p99, 1,000 reports/s) as dashed lines. Plain Java2D, so the benchmark needs no plotting tool.
 */
public final class LatencyPlot {

    /** One point per step: accepted reports per second and latency percentiles in milliseconds. */
    public record Point(double throughput, double p50, double p95, double p99) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private LatencyPlot() {
    }

    public static void write(List<Point> points, String title, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        double maxX = Math.max(1100, points.stream().mapToDouble(Point::throughput).max().orElse(0) * 1.1);
        double minY = 1;
        double maxY = Math.max(1000, points.stream().mapToDouble(Point::p99).filter(Double::isFinite).max().orElse(1) * 2);
        Scale scale = new Scale(maxX, Math.log10(minY), Math.log10(maxY));

        drawAxes(g, scale);
        dashed(g, new Color(200, 60, 60), scale.x(0), scale.y(100), scale.x(maxX), scale.y(100));
        dashed(g, new Color(200, 60, 60), scale.x(1000), scale.y(minY), scale.x(1000), scale.y(maxY));
        g.setColor(new Color(200, 60, 60));
        g.drawString("target: p99 100 ms at 1,000 reports/s", scale.x(0) + 8, scale.y(100) - 6);

        Color[] colors = {new Color(40, 120, 200), new Color(230, 150, 30), new Color(30, 30, 30)};
        String[] names = {"p50", "p95", "p99"};
        for (int series = 0; series < 3; series++) {
            g.setColor(colors[series]);
            g.setStroke(new BasicStroke(2f));
            int previousX = -1;
            int previousY = -1;
            for (Point point : points) {
                double value = series == 0 ? point.p50() : series == 1 ? point.p95() : point.p99();
                if (!Double.isFinite(value)) {
                    continue;
                }
                int x = scale.x(point.throughput());
                int y = scale.y(Math.max(minY, value));
                g.fillOval(x - 4, y - 4, 8, 8);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.fillRect(WIDTH - RIGHT - 120, TOP + 10 + series * 20, 14, 4);
            g.drawString(names[series], WIDTH - RIGHT - 100, TOP + 16 + series * 20);
        }
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
        g.drawString(title, LEFT, 30);
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static void drawAxes(Graphics2D g, Scale scale) {
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(12f));
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        double step = niceStep(scale.maxX / 8);
        for (double x = 0; x <= scale.maxX; x += step) {
            int px = scale.x(x);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(px, TOP, px, HEIGHT - BOTTOM);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.0f", x), px - 12, HEIGHT - BOTTOM + 18);
        }
        for (int decade = (int) Math.ceil(scale.minLogY); decade <= scale.maxLogY; decade++) {
            double value = Math.pow(10, decade);
            int py = scale.y(value);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(LEFT, py, WIDTH - RIGHT, py);
            g.setColor(Color.BLACK);
            g.drawString(value >= 1000 ? String.format("%.0f s", value / 1000) : String.format("%.0f ms", value), 20,
                    py + 4);
        }
        g.drawString("accepted reports per second", WIDTH / 2 - 80, HEIGHT - 25);
        g.drawString("latency (log scale)", 10, TOP - 12);
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[]{1, 2, 2.5, 5, 10}) {
            if (factor * magnitude >= raw) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static void dashed(Graphics2D g, Color color, int x1, int y1, int x2, int y2) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 6f}, 0f));
        g.drawLine(x1, y1, x2, y2);
        g.setStroke(new BasicStroke(1f));
    }

    private record Scale(double maxX, double minLogY, double maxLogY) {

        int x(double value) {
            return LEFT + (int) Math.round(value / maxX * (WIDTH - LEFT - RIGHT));
        }

        int y(double value) {
            double fraction = (Math.log10(value) - minLogY) / (maxLogY - minLogY);
            return HEIGHT - BOTTOM - (int) Math.round(fraction * (HEIGHT - TOP - BOTTOM));
        }
    }
}
