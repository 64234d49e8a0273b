package io.ticketflow.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The full-text baseline: Lucene BM25 (its default similarity, k1 = 1.2, b = 0.75) over title and description with
 * the English analyzer, the query being the whole text of the new report as a disjunction of its words.
 */
final class Bm25Baseline implements AutoCloseable {

    private static final String TEXT = "text";
    private static final String ID = "id";

    private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;

    Bm25Baseline() throws IOException {
        // A whole bug report as a query can exceed the default 1,024 clauses.
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 1 << 16));
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
    }

    /** Adds a report. */
    void add(String id, String text) throws IOException {
        Document document = new Document();
        document.add(new StringField(ID, id, Field.Store.YES));
        document.add(new TextField(TEXT, text, Field.Store.NO));
        writer.addDocument(document);
    }

    /** Removes a report. */
    void remove(String id) throws IOException {
        writer.deleteDocuments(new Term(ID, id));
    }

    /** The ids of the {@code count} reports added so far that score best for {@code text}, best first. */
    List<String> best(String text, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            if (reader.numDocs() == 0) {
                return ids;
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            for (ScoreDoc hit : searcher.search(query(text), count).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(ID));
            }
        }
        return ids;
    }

    private Query query(String text) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                query.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.SHOULD);
            }
            tokens.end();
        }
        return query.build();
    }

    @Override
    public void close() throws IOException {
        writer.close();
        directory.close();
    }
}
