package org.compactreview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CompactReviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(CompactReviewApplication.class, args);
    }
}
