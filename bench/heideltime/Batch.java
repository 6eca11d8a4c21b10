// HeidelTime over many documents in one JVM (the standalone jar's own main starts a JVM per
// document). Usage: java -cp JAR:. Batch CONFIG.props LIST OUTDIR
// LIST: one "path<TAB>yyyy-MM-dd" per line. Writes OUTDIR/<file name> (TimeML) and prints
// documents per second on stderr.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;

public class Batch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone h = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd");
        long t0 = System.nanoTime();
        int n = 0;
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            String[] p = line.split("\t");
            Path in = Paths.get(p[0]);
            String text = new String(Files.readAllBytes(in), StandardCharsets.UTF_8);
            String out = h.process(text, f.parse(p[1]));
            Files.write(Paths.get(args[2], in.getFileName().toString()), out.getBytes(StandardCharsets.UTF_8));
            n++;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.err.printf("heideltime: %d documents in %.1f s, %.2f documents/s%n", n, secs, n / secs);
    }
}
