package dev.shopfed.promo.services;

import dev.shopfed.promo.model.FeedConnection;
import dev.shopfed.promo.model.FeedEdge;
import dev.shopfed.promo.model.LiveStream;
import dev.shopfed.promo.model.PageInfo;
import dev.shopfed.promo.model.Product;
import dev.shopfed.promo.model.Video;
import dev.shopfed.promo.repositories.FeedPosition;
import dev.shopfed.promo.repositories.FeedRepository;
import dev.shopfed.promo.repositories.FeedRepository.FeedRow;
import dev.shopfed.promo.repositories.LiveStreamRepository;
import dev.shopfed.promo.repositories.VideoRepository;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Pages through the home feed: one query for the page, one each for its videos and live streams. */
@Service
public class FeedService {

    public static final int DEFAULT_PAGE = 10;

    private final FeedRepository feed;
    private final VideoRepository videos;
    private final LiveStreamRepository liveStreams;

    public FeedService(FeedRepository feed, VideoRepository videos, LiveStreamRepository liveStreams) {
        this.feed = feed;
        this.videos = videos;
        this.liveStreams = liveStreams;
    }

    public FeedConnection page(Integer first, String after) {
        int size = PageSize.of("first", first, DEFAULT_PAGE);
        FeedPosition start = after == null ? null : FeedCursor.decode(after);
        List<FeedRow> rows = feed.page(start, size + 1);
        boolean hasNextPage = rows.size() > size;
        List<FeedRow> page = rows.subList(0, Math.min(size, rows.size()));

        Map<String, Video> videoById = videos.findByIds(idsOf(page, FeedPosition.VIDEO));
        Map<String, LiveStream> streamById = liveStreams.findByIds(idsOf(page, FeedPosition.LIVE_STREAM));
        List<FeedEdge> edges = page.stream()
                .map(row -> new FeedEdge(FeedCursor.encode(row.position()), node(row, videoById, streamById)))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new FeedConnection(edges, new PageInfo(hasNextPage, endCursor));
    }

    private static List<String> idsOf(List<FeedRow> rows, int kind) {
        return rows.stream().filter(row -> row.position().kind() == kind).map(FeedRow::itemId).toList();
    }

    private static Object node(FeedRow row, Map<String, Video> videos, Map<String, LiveStream> streams) {
        return switch (row.position().kind()) {
            case FeedPosition.VIDEO -> videos.get(row.itemId());
            case FeedPosition.LIVE_STREAM -> streams.get(row.itemId());
            default -> Product.reference(row.itemId());
        };
    }
}
